package org.tradeline.extract.text;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date expressions of one sentence and says how each resolves: a small rule-based
 * temporal tagger in the manner of HeidelTime, for the styles newsrooms use ("Jan. 3", "January 3,
 * 2025", "3 January 2025", "2025-01-03", "on Monday", "last week", "in December", "mid-2024",
 * "the first quarter", "within 30 days", "in about two weeks", "the day before"…).
 *
 * <p>Every rule is a pattern plus a resolver. All rules run over the sentence; where matches
 * overlap the longest wins; then neighbours are joined ("Friday, Jan. 3"; "between March and
 * May"; "from Dec. 1 to Dec. 5") and a preposition just before a mention is taken into it for
 * display ("on Tuesday", "by June 18"). Resolution happens later, once the tense of the
 * mention's clause and the dates around it are known ({@link Context}).
 */
public final class DateTagger {

    /** How a mention relates to the calendar, which decides what it needs to be resolved. */
    public enum Kind {
        /** Carries its own year: "Jan. 3, 2025", "2024", "the first quarter of 2025". */
        EXPLICIT,
        /** Needs the tense to pick the year or week: "Jan. 3", "in December", "on Monday". */
        PARTIAL,
        /** Counts from the published date: "yesterday", "last week", "two days ago". */
        RELATIVE,
        /** Counts from the date mentioned last: "the day before", "two days later", "that week". */
        ANAPHORIC,
        /** Counts from the statement's own date, or the published date: "within 30 days", "in two weeks". */
        FROM_STATEMENT
    }

    /**
     * What resolving a mention can draw on. {@code tense} may be null (no verb group showed it);
     * {@code year}, when set, is the year a partial date takes (the other end of a range gave it);
     * {@code notBefore}, when set, makes a partial date the first one on or after that day.
     */
    public record Context(LocalDate published, Tense tense, LocalDate anchor, LocalDate statementDate, Integer year,
            LocalDate notBefore) {

        Context withYear(int y) {
            return new Context(published, tense, anchor, statementDate, y, notBefore);
        }

        Context notBefore(LocalDate d) {
            return new Context(published, tense, anchor, statementDate, year, d);
        }
    }

    @FunctionalInterface
    interface Resolver {
        Period resolve(Context c);
    }

    /**
     * One date expression: its place in the sentence, its text and how to resolve it.
     * {@code possessive} marks "Friday's decision": it dates a thing the sentence names, not
     * the sentence's own statement, whenever the sentence has another date.
     */
    public record Mention(int start, int end, String text, Kind kind, boolean possessive, Resolver resolver) {

        /** The period, or null when the expression names no real date (Feb. 30) or cannot be placed. */
        public Period resolve(Context c) {
            try {
                return resolver.resolve(c);
            } catch (DateTimeException | ArithmeticException e) {
                return null;
            }
        }

        Mention span(int newStart, int newEnd, String sentence) {
            return new Mention(newStart, newEnd, sentence.substring(newStart, newEnd), kind, possessive, resolver);
        }
    }

    // --- the vocabulary ------------------------------------------------------------------------

    private static final String MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final String MONTH = "(?:" + MONTH_FULL + "|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![\\p{L}])";
    private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\\p{L}])";
    private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\\d\\p{L}])";
    private static final String YEAR = "(?:1[89]|20)\\d\\d(?![\\d])";
    private static final String TO = "\\s*(?:-|\u2013|\u2014|to|through|thru)\\s*";
    private static final String APOS = "['\u2019]";

    /** Words that, just before a bare month or year, show it is one ("in May", "since 2023"). */
    private static final Pattern CUE_BEFORE = Pattern.compile("(?i)(?:\\b(?:in|since|by|until|till|through|throughout|during|before"
            + "|after|from|of|around|between|and|to|for|as\\s+of|in\\s+fiscal|early|mid|late|end\\s+of|start\\s+of|beginning\\s+of"
            + "|middle\\s+of|last|next|this|since\\s+early|since\\s+late)\\s+|mid-)$");
    /** After "the", a bare month is one only before such a noun ("the March deadline"). */
    private static final Pattern THE_MONTH_NOUN = Pattern.compile("(?i)\\s+(?:deadline|meeting|vote|ruling|decision|election"
            + "|summit|talks|hearing|report|order|agreement|deal|announcement|filing|letter|statement|rally|visit|review"
            + "|referral|session|auction|count|data|figures|survey)\\b");
    /** Text before a mention that makes it no date of any statement: copyright lines, money, document titles. */
    private static final Pattern NOT_A_DATE_BEFORE = Pattern.compile("(?i)(?:\u00a9|\\(c\\)|copyright|\\$|\u20ac|\u00a3|\u00a5|#|\\bno\\."
            + "|\\bsection|\\bfile|\\b(?:order|act|law|memorandum|proclamation|accord|agreement|treaty|convention|protocol|charter"
            + "|declaration|directive|regulation)\\s+of)\\s*$");
    private static final Pattern NOT_A_YEAR_AFTER = Pattern.compile("(?i)^(?:\\s*%|\\s*percent|\\s*per\\s*cent|,\\d|\\.\\d|\\s*(?:tons?|tonnes?"
            + "|jobs|workers|employees|people|shares|units|cars|vehicles|miles|km|kilometers|feet|metres|meters|barrels|acres"
            + "|plants|mills|members|votes|pages|[a-z]+-))");
    /** A dateline: "TOKYO, Jan 7 (Reuters) -" dates the copy, not a statement. */
    private static final Pattern DATELINE = Pattern.compile("^\\s*[\\p{Lu}][\\p{Lu} .'\u2019-]+(?:,\\s*[\\p{L} .'\u2019-]+)?,\\s*$");
    private static final Pattern AFTER_DATELINE = Pattern.compile("^\\s*(?:\\(|[-\u2013\u2014]|,\\s*\\d{4}\\s*[-\u2013\u2014(])");
    /** A preposition (and "earlier"/"later") taken into the mention it stands before, for display. */
    private static final Pattern PREPOSITION_BEFORE = Pattern.compile("(?i)(?:\\b(?:earlier|later|early|late)\\s+)?\\b(?:on|by|until|till"
            + "|through|since|before|after|as\\s+of|from|in|at|during|between|around|about|starting|beginning|effective"
            + "|earlier|later|early|late)\\s+$");
    private static final Pattern CONNECTOR = Pattern.compile("(?i)\\s*(?:-|\u2013|\u2014|to|through|thru|until|till|and)\\s*");
    private static final Pattern RANGE_OPENER = Pattern.compile("(?i)\\b(?:between|from)\\s+$");

    private record Rule(java.util.function.Predicate<Features> trigger, Pattern pattern, List<String> groups, Builder builder) {
    }

    /** A match with its named groups copied out (Java 17's MatchResult has no named groups). */
    private record Match(int start, int end, String group, java.util.Map<String, String> groups) {

        String group(String name) {
            return groups.get(name);
        }

        static Match of(Matcher m, List<String> names) {
            java.util.Map<String, String> g = new java.util.HashMap<>();
            for (String n : names) {
                g.put(n, m.group(n));
            }
            return new Match(m.start(), m.end(), m.group(), g);
        }
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    @FunctionalInterface
    private interface Builder {
        /** The mention for a match, or null when the match is no date after all. */
        Mention build(Match m, String sentence);
    }

    private static final List<Rule> RULES = new ArrayList<>();

    /**
     * What a sentence holds, worked out once, so that each rule can be skipped cheaply when its
     * words are absent (most sentences hold no month, no weekday and no year).
     */
    record Features(String s, String lowerCase) {

        static Features of(String s) {
            return new Features(s, s.toLowerCase(Locale.ROOT));
        }

        boolean has(String... needles) {
            for (String n : needles) {
                if (s.contains(n)) {
                    return true;
                }
            }
            return false;
        }

        boolean lower(String... needles) {
            for (String n : needles) {
                if (lowerCase.contains(n)) {
                    return true;
                }
            }
            return false;
        }

        /** Four digits in a row (a year, or part of an ISO date). */
        boolean fourDigits() {
            int run = 0;
            for (int i = 0; i < s.length(); i++) {
                run = Character.isDigit(s.charAt(i)) ? run + 1 : 0;
                if (run == 4) {
                    return true;
                }
            }
            return false;
        }

        /** The letter followed by a digit ("Q3", "H1"). */
        boolean letterDigit(char letter) {
            for (int i = s.indexOf(letter); i >= 0 && i + 1 < s.length(); i = s.indexOf(letter, i + 1)) {
                if (Character.isDigit(s.charAt(i + 1))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A month's name as it starts ("Jan", "Sept"): a sentence without one needs no month rule. */
    private static final java.util.function.Predicate<Features> MONTH_T = f -> f.has("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    /**
     * A rule: {@code trigger} is a cheap pattern a sentence must contain for {@code regex} to be
     * worth running (most sentences hold no month, weekday or year), so a long article costs little.
     */
    private static void rule(java.util.function.Predicate<Features> trigger, String regex, Builder builder) {
        List<String> names = new ArrayList<>();
        Matcher n = GROUP_NAME.matcher(regex);
        while (n.find()) {
            names.add(n.group(1));
        }
        RULES.add(new Rule(trigger, Pattern.compile(regex), names, builder));
    }

    private static Mention mention(Match m, Kind kind, Resolver r) {
        return new Mention(m.start(), m.end(), m.group(), kind, false, r);
    }

    static {
        // 2025-01-03
        rule(f -> f.fourDigits() && f.s().indexOf('-') >= 0, "(?<![\\d-])(?<y>" + YEAR + ")-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\\d|3[01])(?![\\d-])", (m, s) -> {
            LocalDate d = LocalDate.of(num(m, "y"), num(m, "m"), num(m, "d"));
            return mention(m, Kind.EXPLICIT, c -> Period.day(d));
        });
        // Jan. 3, 2025 / January 3 2025 / Dec. 1-5, 2024
        rule(MONTH_T, "(?<m>" + MONTH + ")\\s+(?<d>" + DAY + ")(?:" + TO + "(?<d2>" + DAY + "))?(?:,\\s*|\\s+)(?<y>" + YEAR + ")", (m, s) -> {
            int y = num(m, "y");
            return mention(m, Kind.EXPLICIT, c -> days(LocalDate.of(y, month(m.group("m")), num(m, "d")), m.group("d2"), null));
        });
        // 3 January 2025 / 1-5 December 2024
        rule(MONTH_T, "(?<![\\d.,])(?<d>" + DAY + ")(?:" + TO + "(?<d2>" + DAY + "))?\\s+(?<m>" + MONTH + ")(?:,\\s*|\\s+)(?<y>" + YEAR + ")", (m, s) -> {
            int y = num(m, "y");
            return mention(m, Kind.EXPLICIT, c -> days(LocalDate.of(y, month(m.group("m")), num(m, "d")), m.group("d2"), null));
        });
        // Jan. 3 / June 18 / Dec. 1-5 (no year: the tense picks it)
        rule(MONTH_T, "(?<m>" + MONTH + ")\\s+(?<d>" + DAY + ")(?:" + TO + "(?<d2>" + DAY + "))?", (m, s) -> {
            int mo = month(m.group("m"));
            int d = num(m, "d");
            String d2 = m.group("d2");
            return mention(m, Kind.PARTIAL, c -> yearly(c, y -> days(LocalDate.of(y, mo, d), d2, null)));
        });
        // 3 January (no year)
        rule(MONTH_T, "(?<![\\d.,$])(?<d>" + DAY + ")\\s+(?<m>" + MONTH + ")", (m, s) -> {
            int mo = month(m.group("m"));
            int d = num(m, "d");
            return mention(m, Kind.PARTIAL, c -> yearly(c, y -> Period.day(LocalDate.of(y, mo, d))));
        });
        // January 2025 / mid-March 2025 / December of 2024
        rule(MONTH_T, "(?:(?<part>(?i:early|mid|late))[-\\s]+)?(?<m>" + MONTH + ")(?:\\s+of)?,?\\s+(?<y>" + YEAR + ")", (m, s) -> {
            YearMonth ym = YearMonth.of(num(m, "y"), month(m.group("m")));
            String part = m.group("part");
            return mention(m, Kind.EXPLICIT, c -> part == null ? Period.month(ym) : Calendar.thirdOfMonth(ym, Calendar.part(part)));
        });
        // in December / last March / early next month is elsewhere; the month's name needs a cue before it
        rule(MONTH_T, "(?<m>" + MONTH + ")(?<poss>" + APOS + "s)?(?!\\s*\\d)", DateTagger::bareMonth);
        // 2024 / mid-2024 / since 2023 / the end of 2024 (a bare year needs a cue before it)
        rule(Features::fourDigits, "(?:(?i:the\\s+)?(?<edge>(?i:end|start|beginning|middle))\\s+of\\s+)?(?:(?<part>(?i:early|mid|late))[-\\s]+)?(?<y>" + YEAR
                + ")(?<poss>" + APOS + "s)?(?:" + TO + "(?<y2>" + YEAR + "))?", DateTagger::bareYear);
        // the first quarter (of 2025) / the fourth quarter, 2024
        rule(f -> f.lower("quarter"), "(?i:(?:the\\s+)?(?:fiscal\\s+)?(?<q>first|second|third|fourth|final|1st|2nd|3rd|4th)(?<hyphen>-)?\\s*quarter)(?:\\s+(?i:of)\\s+(?:(?<y>"
                + YEAR + ")|(?i:(?<ry>this|last|next|the)\\s+year))|,?\\s+(?<y3>" + YEAR + "))?", (m, s) -> {
            if (m.group("hyphen") != null && m.group("y") == null && m.group("ry") == null && m.group("y3") == null
                    && Regex.matches(s.substring(m.end()), "(?s)^\\s+\\p{Ll}.*")) {
                return null; // "second-quarter results": a label, not a date
            }
            int q = switch (m.group("q").toLowerCase(Locale.ROOT)) {
                case "first", "1st" -> 1;
                case "second", "2nd" -> 2;
                case "third", "3rd" -> 3;
                default -> 4;
            };
            return yearlyMention(m, y -> Calendar.quarter(y, q));
        });
        // Q1 / Q3 2024 / Q3'24 / 2025 Q1
        rule(f -> f.letterDigit('Q'), "(?<![\\p{L}\\d])Q(?<q>[1-4])(?:\\s*(?<y>" + YEAR + ")|" + APOS + "?(?<yy>\\d\\d)(?!\\d))?(?![\\p{L}\\d])", (m, s) -> {
            int q = num(m, "q");
            Integer y = m.group("y") != null ? Integer.valueOf(num(m, "y")) : m.group("yy") != null ? Integer.valueOf(2000 + num(m, "yy")) : null;
            return y != null ? mention(m, Kind.EXPLICIT, c -> Calendar.quarter(y, q))
                    : mention(m, Kind.PARTIAL, c -> yearly(c, yy -> Calendar.quarter(yy, q)));
        });
        rule(f -> f.letterDigit('Q'), "(?<y>" + YEAR + ")\\s*Q(?<q>[1-4])(?![\\p{L}\\d])", (m, s) -> {
            int y = num(m, "y");
            int q = num(m, "q");
            return mention(m, Kind.EXPLICIT, c -> Calendar.quarter(y, q));
        });
        // the first half of 2025 / the second half / H2 2025
        rule(f -> f.lower("half"), "(?i:(?:the\\s+)?(?<h>first|second|latter|back|1st|2nd)\\s+half)(?:\\s+(?i:of)\\s+(?:(?<y>" + YEAR
                + ")|(?i:(?<ry>this|last|next|the)\\s+year))|,?\\s+(?<y3>" + YEAR + "))?", (m, s) -> {
            int h = Regex.matches(m.group("h").toLowerCase(Locale.ROOT), "first|1st") ? 1 : 2;
            if (m.group("y") == null && m.group("ry") == null && m.group("y3") == null
                    && !Regex.of("(?i)^\\s+of\\s+(?:the|this|next|last)\\s+year").matcher(s.substring(m.end())).find()
                    && !Regex.of("(?i)\\b(?:in|during|by|for|over)\\s+(?:the\\s+)?$").matcher(tail(s, m.start())).find()) {
                return null; // "the first half of the match": not a date
            }
            return yearlyMention(m, y -> Calendar.half(y, h));
        });
        rule(f -> f.letterDigit('H'), "(?<![\\p{L}\\d])H(?<h>[12])\\s*(?<y>" + YEAR + ")", (m, s) -> {
            int y = num(m, "y");
            int h = num(m, "h");
            return mention(m, Kind.EXPLICIT, c -> Calendar.half(y, h));
        });
        // spring / last summer / the fall of 2024 / winter 2024
        rule(f -> f.lower("spring", "summer", "fall", "autumn", "winter"), "(?i:(?:the\\s+)?(?:(?<rel>this|last|next|coming|past)\\s+)?(?<season>spring|summer|fall|autumn|winter))(?:\\s+(?i:of\\s+)?(?<y>" + YEAR + "))?",
                DateTagger::season);
        // yesterday / today / tomorrow / earlier today / last night
        rule(f -> f.lower("yesterday", "today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"), "(?i:(?:(?<mod>earlier|later|early|late)\\s+)?(?<w>the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|yesterday"
                + "|today|tomorrow|tonight|this\\s+(?:morning|afternoon|evening)|last\\s+night))(?![\\p{L}])", (m, s) -> {
            String w = Regex.replaceAll(m.group("w").toLowerCase(Locale.ROOT), "\\s+", " ");
            int offset = switch (w) {
                case "the day before yesterday" -> -2;
                case "yesterday", "last night" -> -1;
                case "tomorrow" -> 1;
                case "the day after tomorrow" -> 2;
                default -> 0;
            };
            return mention(m, Kind.RELATIVE, c -> Period.day(c.published().plusDays(offset)));
        });
        // on Monday / last Friday / Tuesday's decision / earlier on Tuesday / late Monday night
        rule(f -> f.s().contains("day") && f.has("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"), "(?:(?<rel>(?i:last|next|this|coming|past))\\s+|(?<mod>(?i:earlier|later|early|late))\\s+(?:(?i:on)\\s+)?)?(?<w>" + WEEKDAY
                + ")(?<poss>" + APOS + "s)?(?:\\s+(?i:morning|afternoon|evening|night))?", DateTagger::weekday);
        // last week / this month / next year / earlier this month / later this year / early next month / the past week
        rule(f -> f.lower("week", "month", "year", "quarter"), "(?i:(?:(?<mod>earlier|later|early|late|mid)[-\\s]+)?(?:the\\s+)?(?<rel>last|this|next|past|coming|previous|following|current|same|that)"
                + "\\s+(?<u>week|weekend|month|year|quarter))(?![\\p{L}])", DateTagger::relativeUnit);
        // by the end of the year / the start of next month
        rule(f -> f.lower(" of ") && f.lower("end", "start", "beginning", "middle"), "(?i:(?<by>by\\s+)?the\\s+(?<edge>end|start|beginning|middle)\\s+of\\s+(?<rel>the|this|next|last)\\s+(?<u>week|month|year))(?![\\p{L}])",
                (m, s) -> {
            String rel = m.group("rel").toLowerCase(Locale.ROOT);
            String u = m.group("u").toLowerCase(Locale.ROOT);
            int step = rel.equals("next") ? 1 : rel.equals("last") ? -1 : 0;
            int part = Calendar.part(m.group("edge"));
            boolean deadline = m.group("by") != null && part == 2;
            boolean yearEdge = u.equals("year") && part != 1;
            return mention(m, Kind.RELATIVE, c -> {
                Period p = unit(c.published(), u, step);
                if (deadline) {
                    return p; // "by the end of the year": some time in that year, not its last weeks
                }
                return yearEdge ? Period.month(YearMonth.of(p.start().getYear(), part == 0 ? 1 : 12)) : Calendar.third(p, part);
            });
        });
        // over the weekend / at the weekend (the one just past, or the coming one for the future)
        rule(f -> f.lower("weekend"), "(?i:(?:over|at|during)\\s+the\\s+weekend)(?![\\p{L}])", (m, s) -> mention(m, Kind.PARTIAL, c -> {
            LocalDate sat = Calendar.monday(c.published()).plusDays(5);
            if (c.tense() == Tense.FUTURE) {
                return c.published().isAfter(sat.plusDays(1)) ? Period.days(sat.plusDays(7), sat.plusDays(8)) : Period.days(sat, sat.plusDays(1));
            }
            return c.published().isBefore(sat) ? Period.days(sat.minusDays(7), sat.minusDays(6)) : Period.days(sat, sat.plusDays(1));
        }));
        // two days ago / within 30 days / in about two weeks / three days later / a year earlier
        rule(f -> f.lower("day", "week", "month", "year"), "(?<![\\p{L}\\d])(?=[\\daAoOtTfFsSeEnN])(?i:(?<n>\\d{1,3}|" + Numbers.WORDS
                + ")\\s+(?<u>business\\s+day|day|week|month|year)s?(?:\\s+(?<post>ago|later|earlier|before|after|from\\s+now|from\\s+today"
                + "|hence|prior|on))?)(?![\\p{L}])", DateTagger::amount);
        // the day before / the next day / the following week / that day / later that month
        rule(f -> f.lower("the ") && f.lower("day", "week", "month", "year"), "(?i:the\\s+(?<u1>day|week|month|year)\\s+(?<dir>before|after|earlier|later|prior))(?![\\p{L}])", (m, s) -> {
            String u = m.group("u1").toLowerCase(Locale.ROOT);
            int step = Regex.matches(m.group("dir").toLowerCase(Locale.ROOT), "before|earlier|prior") ? -1 : 1;
            return mention(m, Kind.ANAPHORIC, c -> unit(c.anchor(), u, step));
        });
        rule(f -> f.lower("next", "following", "previous", "prior", "same"), "(?i:the\\s+(?<which>next|following|previous|prior|same)\\s+(?<u>day|morning|afternoon|evening|night))(?![\\p{L}])", (m, s) -> {
            String which = m.group("which").toLowerCase(Locale.ROOT);
            int step = which.equals("same") ? 0 : Regex.matches(which, "next|following") ? 1 : -1;
            return mention(m, Kind.ANAPHORIC, c -> Period.day(c.anchor().plusDays(step)));
        });
        rule(f -> f.lower("that "), "(?i:(?:(?<mod>later|earlier)\\s+)?that\\s+(?<u>day|morning|afternoon|evening|night))(?![\\p{L}])",
                (m, s) -> mention(m, Kind.ANAPHORIC, c -> Period.day(c.anchor())));
    }

    // --- rules that need more than a pattern ---------------------------------------------------

    /** The last words before a position: the checks of what precedes a mention need no more. */
    static String tail(String s, int end) {
        return s.substring(Math.max(0, end - 80), end);
    }

    private static final Pattern MONTH_PREFIX = Pattern.compile("(?i)(?:\\b(?<rel>last|next|this|coming|past)\\s+)?"
            + "(?:\\b(?<part>early|mid|late)[-\\s]+)?$");

    private static Mention bareMonth(Match found, String s) {
        // "last March", "early December", "mid-March": the words before the month, read here rather
        // than in the rule's pattern, which would otherwise try them at every place of every sentence.
        int from = Math.max(0, found.start() - 30);
        Matcher prefix = MONTH_PREFIX.matcher(s.substring(from, found.start()));
        prefix.find();
        Match m = prefix.start() == prefix.end() ? found : new Match(from + prefix.start(), found.end(),
                s.substring(from + prefix.start(), found.end()), java.util.Map.of("m", found.group("m"),
                        "poss", String.valueOf(found.group("poss")), "rel", String.valueOf(prefix.group("rel")),
                        "part", String.valueOf(prefix.group("part"))));
        String before = tail(s, m.start());
        String rel = nullable(m.group("rel"));
        String part = nullable(m.group("part"));
        boolean possessive = nullable(m.group("poss")) != null;
        String name = m.group("m");
        boolean cue = rel != null || part != null || possessive || CUE_BEFORE.matcher(before).find()
                || Regex.matches(before, "(?is).*\\bthe\\s+$") && THE_MONTH_NOUN.matcher(s.substring(m.end())).lookingAt();
        if (!cue) {
            return null;
        }
        if (name.equals("May") && !possessive && rel == null && part == null && !Regex.matches(before, "(?s).*\\bbetween\\s+" + MONTH + "\\s+and\\s+$")
                && !Regex.matches(before, "(?is).*\\b(?:in|since|by|until|till|through"
                + "|during|before|after|from|of|between|to|early|mid|late|as\\s+of)\\s+$")) {
            return null; // "and May": more likely the modal or a name
        }
        if (name.equals("March") && Regex.matches(s.substring(m.end()), "(?is)^\\s+(?:on|for|against|to)\\b.*")) {
            return null; // "the March on Washington"
        }
        int mo = month(name);
        Resolver month = switch (rel == null ? "" : rel.toLowerCase(Locale.ROOT)) {
            case "last", "past" -> c -> {
                YearMonth ref = YearMonth.from(c.published());
                YearMonth ym = YearMonth.of(ref.getYear(), mo);
                return Period.month(ym.isBefore(ref) ? ym : ym.minusYears(1));
            };
            case "next", "coming" -> c -> {
                YearMonth ref = YearMonth.from(c.published());
                YearMonth ym = YearMonth.of(ref.getYear(), mo);
                return Period.month(ym.isAfter(ref) ? ym : ym.plusYears(1));
            };
            case "this" -> c -> Period.month(YearMonth.of(c.published().getYear(), mo));
            default -> c -> yearly(c, y -> Period.month(YearMonth.of(y, mo)));
        };
        Resolver r = part == null ? month : c -> {
            Period p = month.resolve(c);
            return p == null ? null : Calendar.thirdOfMonth(YearMonth.from(p.start()), Calendar.part(part));
        };
        return new Mention(m.start(), m.end(), m.group(), rel == null ? Kind.PARTIAL : Kind.RELATIVE, possessive, r);
    }

    private static Mention bareYear(Match m, String s) {
        String before = tail(s, m.start());
        String edge = m.group("edge");
        String part = m.group("part");
        boolean possessive = m.group("poss") != null;
        String y2 = m.group("y2");
        if (NOT_A_YEAR_AFTER.matcher(s.substring(m.end())).find()) {
            return null;
        }
        boolean cue = edge != null || part != null || possessive || y2 != null || CUE_BEFORE.matcher(before).find()
                || before.isBlank() && Regex.matches(s.substring(m.end()), "(?s)^\\s*[,:].*"); // "2024: a year of …" / "In 2024, …" handled by the cue
        if (!cue) {
            return null;
        }
        int y = num(m, "y");
        Resolver r;
        if (y2 != null) {
            int last = Integer.parseInt(y2);
            if (last < y) {
                return null;
            }
            r = c -> Period.year(y).through(Period.year(last));
        } else if (edge != null && edge.equalsIgnoreCase("end") && Regex.matches(before, "(?is).*\\bby\\s+(?:the\\s+)?$")) {
            r = c -> Period.year(y); // "by the end of 2026": some time in 2026
        } else if (edge != null) {
            int p = Calendar.part(edge);
            r = c -> p == 1 ? Calendar.thirdOfYear(y, 1) : Period.month(YearMonth.of(y, p == 0 ? 1 : 12));
        } else if (part != null) {
            r = c -> Calendar.thirdOfYear(y, Calendar.part(part));
        } else {
            r = c -> Period.year(y);
        }
        return new Mention(m.start(), m.end(), m.group(), Kind.EXPLICIT, possessive, r);
    }

    private static Mention season(Match m, String s) {
        String rel = m.group("rel");
        String before = tail(s, m.start());
        boolean cue = rel != null || m.group("y") != null || m.group().regionMatches(true, 0, "the", 0, 3)
                || Regex.matches(before, "(?is).*\\b(?:in|by|during|since|until|through|over|early|late|the|this|mid|of)\\s+$");
        if (!cue || Regex.matches(before, "(?is).*\\b(?:to|will|would|could|may|might|can|did|does|not)\\s+$")) {
            return null; // "prices could fall"
        }
        int season = switch (m.group("season").toLowerCase(Locale.ROOT)) {
            case "spring" -> 0;
            case "summer" -> 1;
            case "fall", "autumn" -> 2;
            default -> 3;
        };
        if (m.group("y") != null) {
            int y = num(m, "y");
            return mention(m, Kind.EXPLICIT, c -> Calendar.season(y, season));
        }
        String r = rel == null ? "" : rel.toLowerCase(Locale.ROOT);
        return mention(m, r.isEmpty() ? Kind.PARTIAL : Kind.RELATIVE, c -> {
            LocalDate ref = c.published();
            Period current = current(ref, season);
            return switch (r) {
                case "this" -> current;
                case "last", "past" -> current.start().isAfter(ref) || current.overlaps(ref, ref)
                        ? Calendar.season(current.start().getYear() - 1, season) : current;
                case "next", "coming" -> current.end().isBefore(ref) || current.overlaps(ref, ref)
                        ? Calendar.season(current.start().getYear() + 1, season) : current;
                default -> yearly(c, y -> Calendar.season(y, season));
            };
        });
    }

    /** The season of the given kind nearest to {@code ref} in its own year (winter: the one that holds it or starts that year). */
    private static Period current(LocalDate ref, int season) {
        int y = ref.getYear();
        if (season == 3 && ref.getMonthValue() <= 2) {
            y--;
        }
        return Calendar.season(y, season);
    }

    private static Mention weekday(Match m, String s) {
        DayOfWeek dow = DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT));
        String rel = m.group("rel") == null ? "" : m.group("rel").toLowerCase(Locale.ROOT);
        boolean possessive = m.group("poss") != null;
        Kind kind = rel.isEmpty() ? Kind.PARTIAL : Kind.RELATIVE;
        return new Mention(m.start(), m.end(), m.group(), kind, possessive, c -> {
            LocalDate ref = c.published();
            if (c.notBefore() != null) {
                LocalDate d = c.notBefore();
                while (d.getDayOfWeek() != dow) {
                    d = d.plusDays(1);
                }
                return Period.day(d);
            }
            LocalDate before = ref.minusDays(1);
            while (before.getDayOfWeek() != dow) {
                before = before.minusDays(1);
            }
            LocalDate after = ref.plusDays(1);
            while (after.getDayOfWeek() != dow) {
                after = after.plusDays(1);
            }
            return Period.day(switch (rel) {
                case "last", "past" -> before;
                case "next", "coming" -> after;
                case "this" -> Calendar.monday(ref).plusDays(dow.getValue() - 1L);
                default -> {
                    if (ref.getDayOfWeek() == dow) {
                        yield ref;
                    }
                    Tense t = possessive && c.tense() != Tense.FUTURE ? Tense.PAST : c.tense();
                    if (t == Tense.PAST) {
                        yield before;
                    }
                    if (t == Tense.FUTURE) {
                        yield after;
                    }
                    yield ref.toEpochDay() - before.toEpochDay() <= after.toEpochDay() - ref.toEpochDay() ? before : after;
                }
            });
        });
    }

    private static Mention relativeUnit(Match m, String s) {
        String mod = m.group("mod") == null ? "" : m.group("mod").toLowerCase(Locale.ROOT);
        String rel = m.group("rel").toLowerCase(Locale.ROOT);
        String u = m.group("u").toLowerCase(Locale.ROOT);
        boolean anaphoric = Regex.matches(rel, "previous|following|same|that");
        if (u.equals("weekend")) {
            if (anaphoric || !mod.isEmpty()) {
                return null;
            }
            return mention(m, Kind.RELATIVE, c -> {
                LocalDate sat = Calendar.monday(c.published()).plusDays(5);
                return switch (rel) {
                    case "last", "past" -> Period.days(sat.minusDays(7), sat.minusDays(6));
                    case "next", "coming" -> c.published().isBefore(sat) ? Period.days(sat, sat.plusDays(1))
                            : Period.days(sat.plusDays(7), sat.plusDays(8));
                    default -> Period.days(sat, sat.plusDays(1));
                };
            });
        }
        if (rel.equals("past") || rel.equals("coming")) {
            if (!mod.isEmpty()) {
                return null;
            }
            // "the past week": the seven days before the published date; "the coming month": from the day after
            int dir = rel.equals("past") ? -1 : 1;
            return mention(m, Kind.RELATIVE, c -> {
                LocalDate ref = c.published();
                LocalDate far = plus(ref, u, dir);
                return dir < 0 ? Period.days(far, ref.minusDays(1)) : Period.days(ref.plusDays(1), far);
            });
        }
        int step = switch (rel) {
            case "last", "previous" -> -1;
            case "next", "following" -> 1;
            default -> 0;
        };
        Kind kind = anaphoric ? Kind.ANAPHORIC : Kind.RELATIVE;
        return mention(m, kind, c -> {
            LocalDate base = anaphoric ? c.anchor() : c.published();
            Period p = unit(base, u, step);
            return switch (mod) {
                case "earlier" -> step == 0 ? Period.days(p.start(), base.isAfter(p.start()) ? base.minusDays(1) : base) : p;
                case "later" -> step == 0 ? Period.days(base.isBefore(p.end()) ? base.plusDays(1) : base, p.end()) : p;
                case "early" -> Calendar.third(p, 0);
                case "mid" -> Calendar.third(p, 1);
                case "late" -> Calendar.third(p, 2);
                default -> p;
            };
        });
    }

    private static final Pattern AMOUNT_PREFIX = Pattern.compile("(?i)(?:\\b(?<pre>within|in)\\s+)?(?:\\b(?<approx>about|around|roughly"
            + "|some|nearly|almost|approximately|more\\s+than|less\\s+than|just\\s+over|just\\s+under|up\\s+to)\\s+)?$");

    private static Mention amount(Match number, String s) {
        // "within", "in" and "about" before the amount: read here, not tried at every place by the pattern.
        int from = Math.max(0, number.start() - 40);
        Matcher prefix = AMOUNT_PREFIX.matcher(s.substring(from, number.start()));
        prefix.find();
        int start = prefix.start() == prefix.end() ? number.start() : from + prefix.start();
        java.util.Map<String, String> groups = new java.util.HashMap<>(number.groups());
        groups.put("pre", prefix.group("pre"));
        groups.put("approx", prefix.group("approx"));
        Match m = new Match(start, number.end(), s.substring(start, number.end()), groups);
        String pre = m.group("pre") == null ? "" : m.group("pre").toLowerCase(Locale.ROOT);
        String post = m.group("post") == null ? "" : Regex.replaceAll(m.group("post").toLowerCase(Locale.ROOT), "\\s+", " ");
        int n = Numbers.parse(m.group("n"));
        String u = Regex.replaceAll(m.group("u").toLowerCase(Locale.ROOT), "\\s+", " ");
        boolean approx = m.group("approx") != null;
        String rest = s.substring(m.end());
        if (pre.isEmpty() && post.isEmpty() || n == 0 || n > 400) {
            return null; // "a 90-day review", "for four years": a duration, not a date
        }
        if (Regex.matches(post, "before|after|prior|on") && Regex.of("^\\s*[\\p{L}\\d$]").matcher(rest).find()) {
            return null; // "two days before the vote": counted from an event the text may not date
        }
        if (!pre.isEmpty() && !post.isEmpty() && !post.equals("from now") && !post.equals("from today") && !post.equals("hence")) {
            return null;
        }
        if (pre.equals("in") && post.isEmpty() && Regex.matches(tail(s, m.start()), "(?is).*\\b(?:the|past|last|first|next)\\s+$")) {
            return null;
        }
        Kind kind;
        Resolver r;
        if (post.equals("ago")) {
            kind = Kind.RELATIVE;
            r = c -> amountPeriod(c.published(), -n, u, approx);
        } else if (Regex.matches(post, "later|after|on")) {
            kind = Kind.ANAPHORIC;
            r = c -> amountPeriod(c.anchor(), n, u, approx);
        } else if (Regex.matches(post, "earlier|before|prior")) {
            kind = Kind.ANAPHORIC;
            r = c -> amountPeriod(c.anchor(), -n, u, approx);
        } else if (pre.equals("within")) {
            kind = Kind.FROM_STATEMENT;
            r = c -> Period.days(c.statementDate(), plusAmount(c.statementDate(), n, u));
        } else {
            kind = Kind.FROM_STATEMENT;
            r = c -> c.tense() == Tense.PAST && post.isEmpty() ? null : amountPeriod(c.statementDate(), n, u, approx);
        }
        return mention(m, kind, r);
    }

    private static String nullable(String s) {
        return s == null || s.equals("null") ? null : s;
    }

    // --- finding ---------------------------------------------------------------------------

    /** The date expressions of a sentence, in order, without overlaps. */
    public static List<Mention> find(String sentence) {
        List<Mention> raw = new ArrayList<>();
        Features features = Features.of(sentence);
        for (Rule rule : RULES) {
            if (!rule.trigger().test(features)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(sentence);
            while (m.find()) {
                Mention found;
                try {
                    found = rule.builder().build(Match.of(m, rule.groups()), sentence);
                } catch (DateTimeException | IllegalArgumentException e) {
                    found = null; // "Feb. 30, 2025": not a date
                }
                if (found != null && !excluded(sentence, found)) {
                    raw.add(found);
                }
            }
        }
        raw.sort(Comparator.comparingInt((Mention x) -> x.end() - x.start()).reversed().thenComparingInt(Mention::start));
        List<Mention> chosen = new ArrayList<>();
        for (Mention x : raw) {
            if (chosen.stream().noneMatch(y -> x.start() < y.end() && y.start() < x.end())) {
                chosen.add(x);
            }
        }
        chosen.sort(Comparator.comparingInt(Mention::start));
        return withPrepositions(sentence, weeksOf(sentence, joined(sentence, chosen)));
    }

    private static final Pattern WEEK_OF = Pattern.compile("(?i)\\bthe\\s+week\\s+(?:of|beginning|starting)\\s+$");

    /** "the week of April 18": the Monday–Sunday week that holds the day. */
    private static List<Mention> weeksOf(String s, List<Mention> in) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : in) {
            int from = Math.max(0, m.start() - 80);
            Matcher w = WEEK_OF.matcher(s.substring(from, m.start()));
            if (w.find() && (m.kind() == Kind.EXPLICIT || m.kind() == Kind.PARTIAL) && !m.possessive()) {
                Resolver day = m.resolver();
                m = new Mention(from + w.start(), m.end(), s.substring(from + w.start(), m.end()), m.kind(), false, c -> {
                    Period p = day.resolve(c);
                    return p != null && p.days() == 1 ? Calendar.week(p.start()) : p;
                });
            }
            out.add(m);
        }
        return out;
    }

    private static boolean excluded(String s, Mention x) {
        if (NOT_A_DATE_BEFORE.matcher(tail(s, x.start())).find()) {
            return true;
        }
        return DATELINE.matcher(s.substring(0, x.start())).find() && AFTER_DATELINE.matcher(s.substring(x.end())).find();
    }

    /** Joins "Friday, Jan. 3" into one mention, and ranges such as "between March and May" or "Dec. 1 to Dec. 5". */
    private static List<Mention> joined(String s, List<Mention> in) {
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Mention a = in.get(i);
            Mention b = i + 1 < in.size() ? in.get(i + 1) : null;
            if (b != null && Regex.matches(a.text(), "(?s).*" + WEEKDAY + "(?:\\s+(?i:morning|afternoon|evening|night))?")
                    && Regex.matches(s.substring(a.end(), b.start()), ",?\\s+") && isDate(b)) {
                out.add(new Mention(a.start(), b.end(), s.substring(a.start(), b.end()), b.kind(), false, b.resolver()));
                i++;
                continue;
            }
            if (b != null && rangeable(a) && rangeable(b) && CONNECTOR.matcher(s.substring(a.end(), b.start())).matches()) {
                String between = s.substring(a.end(), b.start()).strip().toLowerCase(Locale.ROOT);
                String before = tail(s, a.start()).toLowerCase(Locale.ROOT);
                boolean opener = RANGE_OPENER.matcher(before).find();
                if (!between.equals("and") || opener && Regex.matches(before, "(?s).*between\\s+$")) {
                    out.add(range(s, a, b));
                    i++;
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }

    private static boolean isDate(Mention m) {
        return m.kind() == Kind.EXPLICIT || m.kind() == Kind.PARTIAL && Character.isDigit(m.text().charAt(m.text().length() - 1));
    }

    private static boolean rangeable(Mention m) {
        return (m.kind() == Kind.EXPLICIT || m.kind() == Kind.PARTIAL) && !m.possessive();
    }

    private static Mention range(String s, Mention a, Mention b) {
        Resolver r = c -> {
            Period alone = b.resolve(c);
            Context forA = a.kind() == Kind.PARTIAL && b.kind() == Kind.EXPLICIT && alone != null ? c.withYear(alone.start().getYear()) : c;
            Period first = a.resolve(forA);
            if (first == null) {
                return null;
            }
            Period last = b.kind() == Kind.PARTIAL ? b.resolve(c.notBefore(first.start())) : alone;
            if (last == null || last.end().isBefore(first.start())) {
                return null;
            }
            return first.through(last);
        };
        Kind kind = a.kind() == Kind.EXPLICIT || b.kind() == Kind.EXPLICIT ? Kind.EXPLICIT : Kind.PARTIAL;
        return new Mention(a.start(), b.end(), s.substring(a.start(), b.end()), kind, false, r);
    }

    /** Takes a preposition just before a mention into it ("on Tuesday", "by June 18", "between March and May"). */
    private static List<Mention> withPrepositions(String s, List<Mention> in) {
        List<Mention> out = new ArrayList<>();
        int floor = 0;
        for (Mention m : in) {
            int from = Math.max(floor, m.start() - 40);
            Matcher p = PREPOSITION_BEFORE.matcher(s.substring(from, m.start()));
            if (p.find()) {
                String prep = p.group().strip().toLowerCase(Locale.ROOT);
                boolean lone = Regex.matches(prep, "(?:earlier|later|early|late)");
                if (!m.possessive() && (!lone || m.kind() != Kind.ANAPHORIC && m.kind() != Kind.RELATIVE)) {
                    m = m.span(from + p.start(), m.end(), s);
                }
            }
            out.add(m);
            floor = m.end();
        }
        return out;
    }

    // --- resolution helpers --------------------------------------------------------------------

    /** A yearly period placed by the context: the year given, the first after a day, or the tense's choice. */
    static Period yearly(Context c, java.util.function.IntFunction<Period> inYear) {
        java.util.function.IntFunction<Period> safe = y -> {
            try {
                return inYear.apply(y);
            } catch (DateTimeException e) {
                return null; // Feb. 29 in a year without one
            }
        };
        if (c.year() != null) {
            return safe.apply(c.year());
        }
        if (c.notBefore() != null) {
            return Calendar.firstFrom(safe, c.notBefore());
        }
        return Calendar.choose(safe, c.published(), c.tense());
    }

    private static Mention yearlyMention(Match m, java.util.function.IntFunction<Period> inYear) {
        String y = m.group("y") != null ? m.group("y") : m.group("y3");
        String ry = m.group("ry") == null ? null : m.group("ry").toLowerCase(Locale.ROOT);
        if (y != null) {
            int year = Integer.parseInt(y);
            return mention(m, Kind.EXPLICIT, c -> inYear.apply(year));
        }
        if (ry != null && !ry.equals("the")) {
            int step = ry.equals("last") ? -1 : ry.equals("next") ? 1 : 0;
            return mention(m, Kind.RELATIVE, c -> inYear.apply(c.published().getYear() + step));
        }
        return mention(m, Kind.PARTIAL, c -> yearly(c, inYear));
    }

    private static Period days(LocalDate first, String lastDay, Integer unused) {
        if (lastDay == null) {
            return Period.day(first);
        }
        LocalDate last = first.withDayOfMonth(Integer.parseInt(Regex.replaceAll(lastDay, "\\D", "")));
        return last.isBefore(first) ? null : Period.days(first, last);
    }

    /** The week, month, quarter or year {@code step} units from the one holding {@code base}. */
    static Period unit(LocalDate base, String unit, int step) {
        return switch (unit) {
            case "day" -> Period.day(base.plusDays(step));
            case "week" -> Calendar.week(base.plusWeeks(step));
            case "month" -> Period.month(YearMonth.from(base).plusMonths(step));
            case "quarter" -> {
                LocalDate d = base.plusMonths(3L * step);
                yield Calendar.quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            }
            default -> Period.year(base.getYear() + step);
        };
    }

    private static LocalDate plus(LocalDate d, String unit, int n) {
        return switch (unit) {
            case "day" -> d.plusDays(n);
            case "week" -> d.plusWeeks(n);
            case "month" -> d.plusMonths(n);
            case "quarter" -> d.plusMonths(3L * n);
            default -> d.plusYears(n);
        };
    }

    private static LocalDate plusAmount(LocalDate d, int n, String unit) {
        if (unit.equals("business day")) {
            LocalDate x = d;
            int left = Math.abs(n);
            while (left > 0) {
                x = x.plusDays(Integer.signum(n));
                if (x.getDayOfWeek().getValue() <= 5) {
                    left--;
                }
            }
            return x;
        }
        return plus(d, unit, n);
    }

    /**
     * {@code n} units from {@code base}: a day for days and weeks, the month or year for months
     * and years; "about" widens it by a tenth of the amount each way, at least a day.
     */
    private static Period amountPeriod(LocalDate base, int n, String unit, boolean approx) {
        LocalDate target = plusAmount(base, n, unit);
        if (approx) {
            long span = Math.abs(target.toEpochDay() - base.toEpochDay());
            long widen = Math.max(1, Math.round(span / 10.0));
            return Period.days(target.minusDays(widen), target.plusDays(widen));
        }
        return switch (unit) {
            case "month" -> Period.month(YearMonth.from(target));
            case "year" -> Period.year(target.getYear());
            default -> Period.day(target);
        };
    }

    private static int num(Match m, String group) {
        return Integer.parseInt(Regex.replaceAll(m.group(group), "\\D", ""));
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < months.length; i++) {
            if (n.startsWith(months[i])) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private DateTagger() {
    }
}
