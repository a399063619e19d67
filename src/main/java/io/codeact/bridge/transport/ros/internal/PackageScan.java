package io.codeact.bridge.transport.ros.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds {@code .msg} and {@code .srv} files in ROS package directories, the way rospack lays them out:
 * {@code <package>/msg/*.msg} and {@code <package>/srv/*.srv}, the package named by its {@code package.xml}
 * (or its directory when there is none).
 */
public final class PackageScan {
    private static final Logger log = LoggerFactory.getLogger(PackageScan.class);
    private static final Pattern PACKAGE_NAME = Pattern.compile("<name>\\s*([^<\\s]+)\\s*</name>");

    /** One definition file found. */
    public record Found(String type, boolean service, Path file) {
    }

    /** A directory to scan and how deep to look for packages in it. */
    public record Root(Path dir, int depth) {
    }

    private PackageScan() {
    }

    /**
     * Where a ROS 1 install keeps its packages, in rospack's order of precedence: {@code ROS_PACKAGE_PATH}
     * (searched a few levels deep, like a catkin workspace's {@code src}), each {@code CMAKE_PREFIX_PATH}
     * entry's {@code share}, {@code /opt/ros/<distro>/share}, then Debian's {@code /usr/share}. Only existing
     * directories are returned.
     */
    public static List<Root> installRoots(Map<String, String> env) {
        List<Root> roots = new ArrayList<>();
        for (String entry : pathList(env.get("ROS_PACKAGE_PATH"))) {
            roots.add(new Root(Path.of(entry), 4));
        }
        for (String entry : pathList(env.get("CMAKE_PREFIX_PATH"))) {
            roots.add(new Root(Path.of(entry, "share"), 1));
        }
        Path opt = Path.of("/opt/ros");
        if (Files.isDirectory(opt)) {
            try (Stream<Path> distros = Files.list(opt)) {
                distros.sorted(Comparator.reverseOrder()).forEach(d -> roots.add(new Root(d.resolve("share"), 1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + opt, e);
            }
        }
        roots.add(new Root(Path.of("/usr/share"), 1));
        return roots.stream().filter(r -> Files.isDirectory(r.dir())).distinct().toList();
    }

    private static List<String> pathList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Stream.of(value.split(":")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * The definition files of {@code root} if it is a package, else of the packages under it, looking at most
     * {@code depth} directory levels down and not into packages' own subdirectories. Sorted by path.
     */
    public static List<Found> scan(Path root, int depth) {
        List<Found> found = new ArrayList<>();
        visit(root, depth, found);
        return found;
    }

    private static void visit(Path dir, int depth, List<Found> found) {
        boolean hasMsg = Files.isDirectory(dir.resolve("msg"));
        boolean hasSrv = Files.isDirectory(dir.resolve("srv"));
        if (hasMsg || hasSrv || Files.isRegularFile(dir.resolve("package.xml"))) {
            String pkg = packageName(dir);
            if (hasMsg) {
                collect(dir.resolve("msg"), pkg, ".msg", false, found);
            }
            if (hasSrv) {
                collect(dir.resolve("srv"), pkg, ".srv", true, found);
            }
            return;
        }
        if (depth <= 0) {
            return;
        }
        for (Path child : list(dir)) {
            if (Files.isDirectory(child) && !child.getFileName().toString().startsWith(".")) {
                visit(child, depth - 1, found);
            }
        }
    }

    private static void collect(Path dir, String pkg, String extension, boolean service, List<Found> found) {
        for (Path file : list(dir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(extension) && Files.isRegularFile(file)) {
                found.add(new Found(pkg + "/" + name.substring(0, name.length() - extension.length()), service, file));
            }
        }
    }

    private static String packageName(Path dir) {
        Path manifest = dir.resolve("package.xml");
        if (Files.isRegularFile(manifest)) {
            try {
                Matcher m = PACKAGE_NAME.matcher(Files.readString(manifest));
                if (m.find()) {
                    return m.group(1);
                }
            } catch (IOException | UncheckedIOException e) {
                log.warn("cannot read {} ({}); naming the package after its directory", manifest, e.toString());
            }
        }
        return dir.getFileName().toString();
    }

    private static List<Path> list(Path dir) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            log.debug("skipping unreadable directory {}: {}", dir, e.toString());
            return List.of();
        }
        children.sort(Comparator.naturalOrder());
        return children;
    }
}
