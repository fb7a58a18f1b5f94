package org.tradeline.timelinefile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tradeline.account.Role;

/**
 * {@code GET /api/backup}, admins only (Basic or a Bearer token): a zip of every timeline as
 * {@code {slug}.yaml} in the timelines/ file format, drafts included. Restore: unzip into a folder
 * listed in {@code tradeline.importing.dirs} of a fresh instance; it imports them at start.
 */
@Path("/api/backup")
@RolesAllowed(Role.ADMIN_ROLE)
public class Backup {

    static final String MEDIA_TYPE = "application/zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TimelineExport export;

    Backup(TimelineExport export) {
        this.export = export;
    }

    @GET
    @Produces(MEDIA_TYPE)
    public Response zip() {
        byte[] zip = zip(export.allFiles());
        return Response.ok(zip, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"tradeline-backup-" + STAMP.format(Instant.now()) + ".zip\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey() + ".yaml"));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
