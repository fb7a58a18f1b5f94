package org.tradeline.timelinefile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.tradeline.event.Event;
import org.tradeline.config.TradelineConfig;
import org.tradeline.timeline.Actor;
import org.tradeline.timeline.PublicationStatus;
import org.tradeline.timeline.Timeline;
import org.tradeline.event.ValidEvent;

/**
 * Imports the timeline files at start. Idempotent, and never overwrites an editor's work:
 * <ul>
 * <li>a timeline or event the database does not have is created;</li>
 * <li>one the database has and nobody edited since its import (it still hashes to what the
 * import wrote) follows the file when the file changed;</li>
 * <li>one an editor changed keeps the editor's version; the file's change is logged and skipped.</li>
 * </ul>
 * Events and actors missing from the file are left alone. A file with any problem is skipped
 * whole, logged with its lines, and the other files are still imported.
 */
@ApplicationScoped
public class TimelineImporter {

    private static final Logger LOG = Logger.getLogger(TimelineImporter.class);

    private final TradelineConfig config;

    TimelineImporter(TradelineConfig config) {
        this.config = config;
    }

    /** What one import did. */
    public record Result(String slug, int created, int updated, int keptEdited, int unchanged) {
    }

    void onStart(@Observes StartupEvent start) {
        for (String dir : config.importing().dirs()) {
            importDirectory(Path.of(dir), true);
        }
    }

    /** Imports every *.yaml file in the folder, in name order; returns what each file did. */
    public List<Result> importDirectory(Path dir) {
        return importDirectory(dir, false);
    }

    /**
     * The same; with {@code skipUnchanged}, a file whose bytes are what the last import read
     * (and whose timeline still exists) is not parsed again: importing it would change nothing.
     */
    List<Result> importDirectory(Path dir, boolean skipUnchanged) {
        List<Result> results = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("Timeline folder %s does not exist; nothing imported from it", dir.toAbsolutePath());
            return results;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.errorf("Cannot list timeline folder %s: %s", dir, e.getMessage());
            return results;
        }
        for (Path file : files) {
            try {
                if (skipUnchanged && unchangedSinceImport(file)) {
                    LOG.infof("Skipped %s: unchanged since its last import", file);
                    continue;
                }
                Result r = importFile(file);
                results.add(r);
                LOG.infof("Imported %s: timeline %s, %d events created, %d updated from the file, %d kept as edited, %d unchanged",
                        file, r.slug(), r.created(), r.updated(), r.keptEdited(), r.unchanged());
            } catch (TimelineFileException e) {
                LOG.errorf("Skipped timeline file %s: %s", file, String.join("; ", e.problems()));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Skipped timeline file %s: it could not be stored", file);
            }
        }
        return results;
    }

    public Result importFile(Path file) throws TimelineFileException {
        String text;
        String contentHash;
        Stat stat;
        try {
            stat = Stat.of(file); // before reading: a change after it moves the time, so the next start hashes again
            byte[] bytes = readAllBytes(file);
            contentHash = sha256(bytes);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TimelineFileException(file.toString(), List.of("line 1: the file is not valid UTF-8"));
        } catch (IOException e) {
            throw new TimelineFileException(file.toString(), List.of("line 1: cannot read the file: " + e.getMessage()));
        }
        ParsedTimeline parsed = TimelineFileReader.read(file.toString(), text);
        return QuarkusTransaction.requiringNew().call(() -> {
            Result r = store(parsed);
            var em = Timeline.getEntityManager();
            em.createNativeQuery("delete from imported_file where path = ?1").setParameter(1, key(file)).executeUpdate();
            em.createNativeQuery("insert into imported_file (path, content_hash, timeline_slug, imported_at, file_size, file_modified) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, key(file)).setParameter(2, contentHash).setParameter(3, r.slug())
                    .setParameter(4, java.sql.Timestamp.from(Instant.now())).setParameter(5, stat.size())
                    .setParameter(6, stat.modified()).executeUpdate();
            return r;
        });
    }

    /** A file's size and modification time (to the nanosecond where the file system keeps it). */
    record Stat(long size, String modified) {
        static Stat of(Path file) throws IOException {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new Stat(a.size(), a.lastModifiedTime().toInstant().toString());
        }
    }

    /**
     * True when the file is what its last import read and that timeline still exists. Same size and
     * modification time: taken as unchanged without reading the file. Otherwise the file's hash
     * decides; when it matches (the file was touched or copied, not changed) the new size and time
     * are recorded, so the next start need not hash it again.
     */
    private boolean unchangedSinceImport(Path file) {
        try {
            Stat stat = Stat.of(file);
            Object[] last = QuarkusTransaction.requiringNew().call(() -> {
                List<?> rows = Timeline.getEntityManager()
                        .createNativeQuery("select timeline_slug, content_hash, file_size, file_modified from imported_file where path = ?1")
                        .setParameter(1, key(file)).getResultList();
                return rows.isEmpty() ? null : (Object[]) rows.get(0);
            });
            if (last == null) {
                return false;
            }
            String slug = (String) last[0];
            boolean sameStat = last[2] != null && ((Number) last[2]).longValue() == stat.size() && stat.modified().equals(last[3]);
            if (!sameStat && !sha256Of(file).equals(last[1])) {
                return false;
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Timeline.findBySlug(slug).isEmpty()) {
                    return false;
                }
                if (!sameStat) {
                    Timeline.getEntityManager()
                            .createNativeQuery("update imported_file set file_size = ?1, file_modified = ?2 where path = ?3")
                            .setParameter(1, stat.size()).setParameter(2, stat.modified()).setParameter(3, key(file))
                            .executeUpdate();
                }
                return true;
            });
        } catch (IOException | RuntimeException e) {
            return false; // importFile reports the problem
        }
    }

    private static String key(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return path.length() <= 1000 ? path : sha256(path.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file's bytes, read through a FileInputStream. Not {@code Files.readAllBytes}: on Java 17 that reads
     * the whole file through one temporary direct buffer as large as the file, which NIO then keeps for the
     * thread (the main thread, at start-up), so a 15 MB timeline file left 15 MB of native memory behind.
     */
    private static byte[] readAllBytes(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.FileInputStream(file.toFile())) {
            return in.readAllBytes();
        }
    }

    /** SHA-256 of the file, streamed: the start-up check of an unchanged file holds neither its bytes nor its text. */
    private static String sha256Of(Path file) throws IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (java.io.InputStream in = new java.io.FileInputStream(file.toFile())) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a checked file (in the caller's transaction). What readers see as "Updated" moves only
     * when the import changes published content: on a first import to the file's {@code updated:}
     * date or, without one, the newest date of its published events and their sources (a 2025 story
     * imported today was not updated today); on a later import that changes something, to the file's
     * date or to now.
     */
    public Result store(ParsedTimeline file) {
        Instant now = Instant.now();
        Instant fileDate = file.updated() == null ? null : min(file.updated(), now);
        String fileHash = TimelineFiles.hash(file);
        Timeline t = Timeline.findBySlug(file.slug()).orElse(null);
        boolean first = t == null;
        boolean changed = false;
        boolean published = false;
        if (t == null) {
            t = new Timeline();
            t.slug = file.slug();
            t.createdAt = now;
            t.contentUpdatedAt = now; // until the events are read, below
            copyTimeline(file, t, fileHash, now);
            t.persist();
            changed = true;
        } else if (!fileHash.equals(t.importedHash)) {
            if (TimelineFiles.hash(t).equals(t.importedHash)) {
                copyTimeline(file, t, fileHash, now);
                changed = true;
            } else {
                LOG.infof("Timeline %s was edited in the database; its title, summary and actors keep the editor's version", t.slug);
                changed = addMissingActors(file, t);
            }
            published = changed;
        }
        Map<String, Actor> actors = t.actors.stream().collect(Collectors.toMap(a -> a.slug, Function.identity()));
        Map<String, Event> existing = t.events.stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
        int created = 0;
        int updated = 0;
        int kept = 0;
        int unchanged = 0;
        java.util.Set<String> deleted = t.id == null ? java.util.Set.of() : new java.util.HashSet<>(Timeline.getEntityManager()
                .createQuery("select r.eventSlug from Revision r where r.timeline = :t and r.action = 'deleted'", String.class)
                .setParameter("t", t).getResultList());
        for (ValidEvent pe : file.events()) {
            String hash = TimelineFiles.hash(TimelineFiles.entry(pe));
            Event e = existing.get(pe.slug());
            if (e == null && deleted.contains(pe.slug())) {
                LOG.infof("Event %s/%s was deleted by an editor; the file does not bring it back", t.slug, pe.slug());
                kept++;
            } else if (e == null) {
                e = new Event();
                e.timeline = t;
                e.slug = pe.slug();
                e.createdAt = now;
                e.apply(pe, actors, now);
                e.updatedAt = first ? min(newest(pe), fileDate == null ? now : fileDate) : fileDate == null ? now : fileDate;
                e.importedHash = hash;
                t.events.add(e);
                published |= e.isPublished();
                created++;
            } else if (hash.equals(e.importedHash)) {
                unchanged++;
            } else if (TimelineFiles.hash(TimelineFiles.entry(e)).equals(e.importedHash)) {
                published |= e.isPublished();
                e.apply(pe, actors, now);
                e.updatedAt = fileDate == null ? now : fileDate;
                e.importedHash = hash;
                published |= e.isPublished();
                updated++;
            } else {
                LOG.infof("Event %s/%s was edited in the database; the file's change to it is not applied", t.slug, e.slug);
                kept++;
            }
        }
        if (changed || created + updated > 0) { // always on a first import, which stores the timeline
            Instant contentChangedAt = null;
            if (first) {
                Instant newest = file.events().stream().filter(e -> e.status() == PublicationStatus.PUBLISHED)
                        .map(TimelineImporter::newest).max(Instant::compareTo).orElse(now);
                contentChangedAt = fileDate != null ? fileDate : min(newest, now);
            } else if (published) {
                contentChangedAt = fileDate == null ? now : t.contentUpdatedAt.isAfter(fileDate) ? t.contentUpdatedAt : fileDate;
            }
            Timeline.flush(); // the events first: the touch holds the timeline's row lock until commit
            t.touch(contentChangedAt);
        }
        return new Result(t.slug, created, updated, kept, unchanged);
    }

    /** The newest date an event of a file names (its own, or its end, or a source's), as midnight UTC. */
    static Instant newest(ValidEvent e) {
        java.time.LocalDate newest = e.end() != null ? e.end() : e.date();
        for (var s : e.sources()) {
            if (s.date() != null && s.date().isAfter(newest)) {
                newest = s.date();
            }
        }
        return newest.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void copyTimeline(ParsedTimeline file, Timeline t, String hash, Instant now) {
        t.title = file.title();
        t.summary = file.summary();
        t.status = file.status();
        t.updatedAt = now;
        t.importedHash = hash;
        for (var entry : file.actors()) {
            Actor a = t.actor(entry.id()).orElse(null);
            if (a == null) {
                a = new Actor();
                a.timeline = t;
                a.slug = entry.id();
                t.actors.add(a);
            }
            a.name = entry.name();
            a.aliases(entry.aliases() == null ? List.of() : entry.aliases());
        }
    }

    private static boolean addMissingActors(ParsedTimeline file, Timeline t) {
        boolean added = false;
        for (var entry : file.actors()) {
            if (t.actor(entry.id()).isEmpty()) {
                Actor a = new Actor();
                a.timeline = t;
                a.slug = entry.id();
                a.name = entry.name();
                a.aliases(entry.aliases() == null ? List.of() : entry.aliases());
                t.actors.add(a);
                added = true;
            }
        }
        return added;
    }
}
