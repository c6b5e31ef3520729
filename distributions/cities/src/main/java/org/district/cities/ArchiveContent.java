package org.district.cities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipExtraField;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The entries of an archive to write, and the one way they are written, so that the same entries
 * always give the same bytes: in name order (a JAR's manifest may be put first), every entry with
 * the same time, a unix mode (0755 for folders and executables, 0644 for other files), no extra
 * fields, and the same compression. A file's parent folders are entries too, as unzip expects.
 */
final class ArchiveContent {

    private static final int DIRECTORY = UnixStat.DIR_FLAG | 0755;
    private static final int FILE = UnixStat.FILE_FLAG | 0644;
    private static final int EXECUTABLE = UnixStat.FILE_FLAG | 0755;

    /** Where an entry's bytes come from. */
    private interface Source {
    }

    private record Folder() implements Source {
    }

    private record Bytes(byte[] data, int mode) implements Source {
    }

    private record DiskFile(Path file, int mode) implements Source {
    }

    /** An entry of another archive, copied as it is compressed there. */
    private record Copied(ZipFile archive, ZipArchiveEntry entry) implements Source {
    }

    private final SortedMap<String, Source> entries = new TreeMap<>();

    void add(String name, byte[] data) {
        put(name, new Bytes(data, FILE));
    }

    void add(String name, Path file, boolean executable) {
        put(name, new DiskFile(file, executable ? EXECUTABLE : FILE));
    }

    /** An entry of another archive, to be written with the same compressed bytes. */
    void copy(ZipFile archive, ZipArchiveEntry entry) {
        if (entry.isDirectory()) {
            folder(entry.getName());
        } else {
            put(entry.getName(), new Copied(archive, entry));
        }
    }

    /** A folder, named with its trailing {@code /}. */
    void folder(String name) {
        parents(name);
        entries.putIfAbsent(name, new Folder());
    }

    private void put(String name, Source source) {
        parents(name);
        entries.put(name, source);
    }

    private void parents(String name) {
        for (int slash = name.indexOf('/'); slash >= 0 && slash < name.length() - 1; slash = name.indexOf('/', slash + 1)) {
            entries.putIfAbsent(name.substring(0, slash + 1), new Folder());
        }
    }

    /**
     * Writes the archive.
     *
     * @param time the time of every entry, as its date and time in UTC (zip times have no zone)
     * @param first entries to write before all others, in this order, where present (a WAR's manifest)
     */
    void write(Path target, Instant time, List<String> first) throws IOException {
        List<String> order = new ArrayList<>(first.stream().filter(entries::containsKey).toList());
        entries.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        long dosTime = dosTime(time);
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            out.setEncoding("UTF-8");
            out.setUseLanguageEncodingFlag(true);
            out.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            out.setUseZip64(Zip64Mode.Never);
            out.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (String name : order) {
                write(out, name, entries.get(name), dosTime);
            }
        }
    }

    private static void write(ZipArchiveOutputStream out, String name, Source source, long time) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setTime(time);
        entry.setExtraFields(new ZipExtraField[0]);
        if (source instanceof Bytes bytes) {
            entry.setUnixMode(bytes.mode());
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setSize(bytes.data().length);
            out.putArchiveEntry(entry);
            out.write(bytes.data());
            out.closeArchiveEntry();
        } else if (source instanceof DiskFile file) {
            entry.setUnixMode(file.mode());
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setSize(Files.size(file.file()));
            out.putArchiveEntry(entry);
            try (InputStream in = Files.newInputStream(file.file())) {
                in.transferTo(out);
            }
            out.closeArchiveEntry();
        } else if (source instanceof Copied copied) {
            ZipArchiveEntry original = copied.entry();
            entry.setUnixMode(FILE);
            entry.setMethod(original.getMethod());
            entry.setCrc(original.getCrc());
            entry.setSize(original.getSize());
            entry.setCompressedSize(original.getCompressedSize());
            try (InputStream raw = copied.archive().getRawInputStream(original)) {
                out.addRawArchiveEntry(entry, raw);
            }
        } else {
            entry.setUnixMode(DIRECTORY);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(0);
            entry.setCrc(0);
            out.putArchiveEntry(entry);
            out.closeArchiveEntry();
        }
    }

    /**
     * The Java time whose zip (DOS) fields, which are local to the machine's zone, read as the
     * given instant's date and time in UTC: the same fields whatever the zone of the build.
     */
    private static long dosTime(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
