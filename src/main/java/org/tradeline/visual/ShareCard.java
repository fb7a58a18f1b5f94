package org.tradeline.visual;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.tradeline.event.Category;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * Share images (Open Graph, Twitter "summary_large_image"): 1200 x 630 PNGs drawn with Java2D,
 * headless, in Liberation Sans (SIL Open Font License 1.1), which ships inside the application, so
 * an image is the same on every machine. A timeline's card shows its title, its event count and
 * period, and its overview; an event's card, its date, headline and category.
 */
public final class ShareCard {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 630;
    static final int LEFT = 72;
    static final int RIGHT = WIDTH - 72;
    /** Where the first line of a timeline card's title is drawn, and at what size (tests compare their own rendering). */
    static final int TITLE_BASELINE = 206;
    static final float TITLE_SIZE = 64f;

    static final Color INK = new Color(0x1b1f24);
    static final Color MUTED = new Color(0x4a5360);
    static final Color RULE = new Color(0xd5d9df);
    static final Color WASH = new Color(0xf4f5f7);
    static final Color SPINE = new Color(0x8a94a3);
    /** The categories' colours, as in tradeline.css (--cat-…), in the order of {@link Category}. */
    static final Color[] CATEGORY = {new Color(0x1f6f43), new Color(0x7a4a00), new Color(0xa4161a), new Color(0x5a2d91),
        new Color(0x0b5cad), new Color(0x00696f), new Color(0x6b5b00), new Color(0x8a2c5c), new Color(0x4d4d4d)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Liberation Sans, unpacked at build time from openpdf-fonts-extra with its licence (SIL OFL 1.1) beside it (pom.xml). */
    private static final String FONTS = "fonts/liberation/";
    static final Font REGULAR = font("LiberationSans-Regular.ttf");
    static final Font BOLD = font("LiberationSans-Bold.ttf");

    private ShareCard() {
    }

    private static Font font(String file) {
        try (InputStream in = ShareCard.class.getClassLoader().getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException("cannot read font " + file, e);
        }
    }

    /** The card of a timeline: site name, title, how many events over which period, the overview. */
    public static byte[] timeline(TimelineSnapshot t, String site) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        header(g, site);
        g.setFont(BOLD.deriveFont(TITLE_SIZE));
        List<String> title = wrap(g.getFontMetrics(), t.title(), RIGHT - LEFT, 2);
        int y = TITLE_BASELINE;
        g.setColor(INK);
        for (String line : title) {
            g.drawString(line, LEFT, y);
            y += 74;
        }
        g.setFont(REGULAR.deriveFont(28f));
        g.setColor(MUTED);
        String period = t.events().isEmpty() ? "" : " \u00b7 " + DisplayDate.single(
                t.events().stream().map(EventView::coversFrom).min(java.time.LocalDate::compareTo).orElseThrow(), Precision.MONTH)
                + " \u2013 " + DisplayDate.single(
                t.events().stream().map(EventView::coversTo).max(java.time.LocalDate::compareTo).orElseThrow(), Precision.MONTH);
        g.drawString(t.eventCount() + (t.eventCount() == 1 ? " event" : " events") + period + " \u00b7 Updated " + t.updatedText(),
                LEFT, y - 14);
        if (!t.events().isEmpty()) {
            overview(g, Overview.layout(t.events(), e -> true, (e, shown) -> ""), y + 30, HEIGHT - 56);
        }
        return png(image, g);
    }

    /** The card of an event: site name and timeline, the date, the headline, the category. */
    public static byte[] event(TimelineSnapshot t, EventView e, String site) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(image);
        Color colour = CATEGORY[e.category().ordinal()];
        g.setColor(colour);
        g.fillRect(0, 0, 18, HEIGHT);
        header(g, site);
        g.setFont(REGULAR.deriveFont(30f));
        g.setColor(MUTED);
        g.drawString(ellipsize(g.getFontMetrics(), t.title(), RIGHT - LEFT), LEFT, 170);
        g.setFont(BOLD.deriveFont(40f));
        g.setColor(colour);
        g.drawString(e.displayDate().text(), LEFT, 236);
        g.setFont(BOLD.deriveFont(58f));
        g.setColor(INK);
        int y = 312;
        for (String line : wrap(g.getFontMetrics(), e.headline(), RIGHT - LEFT, 4)) {
            g.drawString(line, LEFT, y);
            y += 68;
        }
        g.setColor(colour);
        g.fill(shape(e.category(), LEFT + 12, HEIGHT - 66, 13));
        g.setFont(BOLD.deriveFont(28f));
        g.drawString(e.category().label(), LEFT + 36, HEIGHT - 56);
        if (e.importance() == Importance.MAJOR) {
            int x = LEFT + 36 + g.getFontMetrics().stringWidth(e.category().label()) + 24;
            g.setFont(BOLD.deriveFont(24f));
            int w = g.getFontMetrics().stringWidth("Key event") + 20;
            g.setColor(INK);
            g.fillRoundRect(x, HEIGHT - 86, w, 38, 8, 8);
            g.setColor(Color.WHITE);
            g.drawString("Key event", x + 10, HEIGHT - 58);
        }
        return png(image, g);
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        return g;
    }

    /** The site's name in a band across the top, as on the pages. */
    private static void header(Graphics2D g, String site) {
        g.setColor(WASH);
        g.fillRect(18, 0, WIDTH - 18, 100);
        g.setColor(RULE);
        g.fillRect(18, 100, WIDTH - 18, 2);
        g.setColor(INK);
        g.setFont(BOLD.deriveFont(36f));
        g.drawString(site, LEFT, 64);
        g.setColor(MUTED);
        g.setFont(REGULAR.deriveFont(24f));
        g.drawString("Trade policy, dated and sourced", LEFT + g.getFontMetrics(BOLD.deriveFont(36f)).stringWidth(site) + 24, 64);
    }

    /** The overview's layout drawn between {@code top} and {@code bottom}: bars, a shape per event, bins, years. */
    private static void overview(Graphics2D g, Overview.Layout layout, int top, int bottom) {
        int axis = bottom - 34;
        int barLanes = layout.marks().stream().filter(Overview.Mark::bar).mapToInt(m -> m.lane() + 1).max().orElse(0);
        int pointLanes = Math.max(1, layout.marks().stream().filter(m -> !m.bar()).mapToInt(m -> m.lane() + 1).max().orElse(1));
        double lane = Math.min(22, (axis - 8 - top) / (double) Math.max(1, barLanes + pointLanes));
        double size = Math.min(9, lane * 0.42);
        g.setColor(SPINE);
        g.fillRect(LEFT - 10, axis, RIGHT - LEFT + 20, 2);
        g.setFont(REGULAR.deriveFont(22f));
        for (Overview.Tick tick : layout.ticks()) {
            if (tick.text() != null && !tick.wideOnly() || tick.text() != null && layout.ticks().size() < 40) {
                int x = x(tick.x());
                g.setColor(SPINE);
                g.fillRect(x, axis, 2, 10);
                g.setColor(MUTED);
                g.drawString(tick.text(), x, axis + 32);
            }
        }
        int max = layout.bins().stream().mapToInt(b -> b.events().size()).max().orElse(1);
        for (Overview.Bin b : layout.bins()) {
            double h = Math.max(30, (axis - 4 - top) * Math.sqrt(b.events().size() / (double) max));
            int x1 = x(b.x1()) + 3;
            int x2 = x(b.x2()) - 3;
            g.setColor(MUTED);
            g.fill(new Rectangle2D.Double(x1, axis - 2 - h, x2 - x1, h));
            g.setColor(Color.WHITE);
            g.setFont(BOLD.deriveFont(20f));
            String count = String.valueOf(b.events().size());
            g.drawString(count, (x1 + x2 - g.getFontMetrics().stringWidth(count)) / 2f, axis - 10);
        }
        for (Overview.Mark m : layout.marks()) {
            Color colour = CATEGORY[m.event().category().ordinal()];
            double y = m.bar() ? top + lane * (m.lane() + 0.5) : top + lane * (barLanes + m.lane() + 0.5);
            g.setColor(colour);
            if (m.bar()) {
                g.fill(new Rectangle2D.Double(x(m.x1()), y - 5, Math.max(4, x(m.x2()) - x(m.x1())), 10));
            }
            g.fill(shape(m.event().category(), x(m.x1()), y, size));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(shape(m.event().category(), x(m.x1()), y, size));
        }
    }

    private static int x(double percent) {
        return (int) Math.round(LEFT + (RIGHT - LEFT) * percent / 100);
    }

    /** The category's shape (as in the page's overview) centred on x, y, {@code r} from centre to edge. */
    static Shape shape(Category c, double x, double y, double r) {
        Path2D.Double p = new Path2D.Double();
        switch (c.ordinal()) {
            case 0 -> {
                return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            }
            case 1 -> {
                return new Rectangle2D.Double(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
            }
            case 2 -> poly(p, x, y, r, 0, -1.1, 1.1, 0, 0, 1.1, -1.1, 0);
            case 3 -> poly(p, x, y, r, 0, -1, 1, 0.9, -1, 0.9);
            case 4 -> poly(p, x, y, r, -1, -0.9, 1, -0.9, 0, 1);
            case 5 -> poly(p, x, y, r, -0.36, -1, 0.36, -1, 0.36, -0.36, 1, -0.36, 1, 0.36, 0.36, 0.36, 0.36, 1, -0.36, 1, -0.36, 0.36,
                    -1, 0.36, -1, -0.36, -0.36, -0.36);
            case 6 -> poly(p, x, y, r, -0.9, -1, 1, 0, -0.9, 1);
            case 7 -> poly(p, x, y, r, 0.9, -1, -1, 0, 0.9, 1);
            default -> poly(p, x, y, r, -0.52, -0.9, 0.52, -0.9, 1, 0, 0.52, 0.9, -0.52, 0.9, -1, 0);
        }
        return p;
    }

    private static void poly(Path2D.Double p, double x, double y, double r, double... xy) {
        p.moveTo(x + xy[0] * r, y + xy[1] * r);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(x + xy[i] * r, y + xy[i + 1] * r);
        }
        p.closePath();
    }

    /** The text in lines no wider than {@code width}, at most {@code lines} of them (the last cut with an ellipsis). */
    static List<String> wrap(FontMetrics fm, String text, int width, int lines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String next = line.length() == 0 ? words[i] : line + " " + words[i];
            if (fm.stringWidth(next) <= width || line.length() == 0) {
                line.setLength(0);
                line.append(next);
                continue;
            }
            if (out.size() == lines - 1) {
                out.add(ellipsize(fm, line + " " + String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)), width));
                return out;
            }
            out.add(line.toString());
            line.setLength(0);
            line.append(words[i]);
        }
        out.add(ellipsize(fm, line.toString(), width));
        return out;
    }

    static String ellipsize(FontMetrics fm, String text, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "\u2026") > width) {
            int cut = s.lastIndexOf(' ');
            s = cut > 0 && fm.stringWidth(s.substring(0, cut) + "\u2026") <= width ? s.substring(0, cut) : s.substring(0, s.length() - 1);
        }
        return s.strip() + "\u2026";
    }

    /** PNG bytes, deflated quickly: a card is drawn once per content revision, and flat colours compress well anyway. */
    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
