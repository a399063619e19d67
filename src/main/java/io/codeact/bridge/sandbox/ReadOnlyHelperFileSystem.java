package io.codeact.bridge.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only files a code action can see: read-only views of the helper-module directories (such as
 * {@code robot-tools/python}). Every other path, and every write, is refused with a
 * {@link SecurityException} that Python reports as a {@code PermissionError}. Paths are resolved with
 * symbolic links followed before the check, so a link cannot lead outside a root. GraalPy's standard
 * library is served from its own internal resources, not through this file system.
 */
final class ReadOnlyHelperFileSystem implements FileSystem {
    private final FileSystem delegate = FileSystem.newDefaultFileSystem();
    private final List<Path> roots;

    ReadOnlyHelperFileSystem(List<Path> roots) {
        this.roots = roots.stream().map(ReadOnlyHelperFileSystem::real).toList();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private Path check(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path resolved = real(absolute);
        for (Path root : roots) {
            if (resolved.startsWith(root)) {
                return absolute;
            }
        }
        throw new SecurityException("the robot sandbox has no file access to " + absolute);
    }

    @Override
    public Path parsePath(URI uri) {
        return delegate.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return delegate.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            throw new SecurityException("the robot sandbox cannot write files: " + path);
        }
        delegate.checkAccess(check(path), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new SecurityException("the robot sandbox cannot create directories: " + dir);
    }

    @Override
    public void delete(Path path) {
        throw new SecurityException("the robot sandbox cannot delete files: " + path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ && o != LinkOption.NOFOLLOW_LINKS) {
                throw new SecurityException("the robot sandbox cannot write files: " + path);
            }
        }
        return delegate.newByteChannel(check(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return delegate.newDirectoryStream(check(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return delegate.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return delegate.toRealPath(check(path), linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return delegate.readAttributes(check(path), attributes, options);
    }
}
