package pagelab.app.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import pagelab.solutions.SolutionCompiler;

/**
 * One grading child process, seen from the host: started with {@link #start}, asked one check at a time with
 * {@link #call}, killed with {@link #kill}. The child has a folder of its own ({@code pagelab-child-PID-*} in the
 * temporary folder: its working folder and the channel's socket), removed when it ends. What it says arrives on
 * the {@link ChildChannel} and is read on a daemon thread; what it prints on its standard output and error is
 * drained and only a short tail of the error kept, so nothing the child does can exhaust the host. Used by one
 * thread at a time (the owning {@link Grader}).
 */
final class ChildJvm implements AutoCloseable {
    private static final int STDERR_TAIL = 4096;
    /** Prefix of the folder of every child, with the host's process id after it (see {@link #sweep}). */
    static final String DIR_PREFIX = "pagelab-child-";

    /** What the reader thread hands over: a frame, or why there are no more. */
    private record Event(ChildChannel.Frame frame, String end, boolean tampered) {
    }

    private final Process process;
    private final Path dir;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private final long startupMillis;
    private volatile ChildChannel channel;
    private boolean ready;
    private boolean exiting;

    private ChildJvm(Process process, Path dir, long startupMillis) {
        this.process = process;
        this.dir = dir;
        this.startupMillis = startupMillis;
    }

    /**
     * Launches a child; returns at once (the first {@link #call} waits until it is ready).
     *
     * @param command makes the command line from the child's folder and the channel's socket path
     */
    static ChildJvm start(BiFunction<Path, Path, List<String>> command, long startupMillis) throws ChildFailure {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(DIR_PREFIX + ProcessHandle.current().pid() + "-");
            Files.createDirectories(dir.resolve("work"));
            Path socket = dir.resolve("channel");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            String secret = ChildChannel.newSecret();
            Process p = new ProcessBuilder(command.apply(dir, socket)).directory(dir.resolve("work").toFile())
                    .start();
            ChildJvm child = new ChildJvm(p, dir, startupMillis);
            try (OutputStream in = p.getOutputStream()) {
                in.write((secret + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // the child died at once; awaitReady reports it
            }
            daemon("pagelab-child-in-" + p.pid(), () -> child.accept(server, ChildChannel.parseSecret(secret)));
            daemon("pagelab-child-out-" + p.pid(), () -> drain(p.getInputStream()));
            daemon("pagelab-child-err-" + p.pid(), () -> child.readStderr(p.getErrorStream()));
            return child;
        } catch (IOException e) {
            SolutionCompiler.deleteTree(dir);
            throw new ChildFailure(ChildFailure.Kind.STARTUP, "cannot start the grading JVM: " + e.getMessage(),
                    -1, false);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends one request and waits for its reply for at most {@code limitMillis} (after the child is up).
     *
     * @throws ChildFailure when the child is late (it is then killed), dies, never starts, or fails authentication
     */
    ChildReply call(ChildRequest request, long limitMillis) throws ChildFailure {
        awaitReady();
        try {
            channel.send(ChildChannel.REQUEST, RecordJson.bytes(request));
        } catch (IOException e) {
            throw died();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (true) {
            Event e = poll(deadline);
            if (e == null) {
                kill();
                throw new ChildFailure(ChildFailure.Kind.TIMEOUT, "no reply within " + limitMillis + " ms", -1,
                        false);
            }
            if (e.tampered()) {
                kill();
                throw new ChildFailure(ChildFailure.Kind.TAMPERED, e.end(), -1, false);
            }
            if (e.end() != null) {
                throw died();
            }
            if (e.frame().type() == ChildChannel.EXITING) {
                exiting = true;
            } else if (e.frame().type() == ChildChannel.REPLY) {
                ChildReply reply = parse(e.frame().payload());
                if (reply == null) {
                    kill();
                    throw new ChildFailure(ChildFailure.Kind.TAMPERED, "the reply is not a reply", -1, false);
                }
                if (reply.id() == request.id()) {
                    return reply;
                }
            }
        }
    }

    private void awaitReady() throws ChildFailure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startupMillis);
        while (!ready) {
            Event e = poll(deadline);
            if (e == null) {
                kill();
                throw new ChildFailure(ChildFailure.Kind.STARTUP, "the grading JVM did not start within "
                        + startupMillis + " ms", -1, false);
            }
            if (e.end() != null) {
                ChildFailure d = died();
                throw new ChildFailure(ChildFailure.Kind.STARTUP, e.tampered() ? e.end() : d.getMessage(),
                        d.exitCode(), false);
            }
            ready = e.frame().type() == ChildChannel.READY;
        }
    }

    private Event poll(long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            return left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static ChildReply parse(byte[] json) {
        try {
            return RecordJson.read(json, ChildReply.class);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private ChildFailure died() {
        int code = -1;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the EXITING frame may still be queued behind the reply we were waiting for
        exiting |= events.stream().anyMatch(e -> e.frame() != null && e.frame().type() == ChildChannel.EXITING);
        kill();
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.toString().strip();
        }
        return new ChildFailure(ChildFailure.Kind.DIED, "the grading JVM ended (exit code " + code + ")"
                + (tail.isEmpty() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("")), code, exiting);
    }

    /**
     * Ends the child and everything it started, at once; its folder is removed as soon as it has exited. Does not
     * wait: a grader moves on to the next check while the JVM goes down.
     */
    CompletableFuture<?> kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        closeChannel();
        return process.onExit().thenRun(() -> SolutionCompiler.deleteTree(dir));
    }

    /**
     * Closes the channel, which ends the child politely (it halts at the end of its input), and kills it if it is
     * still there a moment later. Does not wait either.
     */
    @Override
    public void close() {
        ended();
    }

    /** {@link #close}, returning when the child is gone and its folder removed (for whoever must wait). */
    CompletableFuture<?> ended() {
        closeChannel();
        return process.onExit().orTimeout(1, TimeUnit.SECONDS).handle((p, timedOut) -> timedOut)
                .thenCompose(timedOut -> {
                    if (timedOut != null) {
                        return kill();
                    }
                    SolutionCompiler.deleteTree(dir);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private void closeChannel() {
        ChildChannel c = channel;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
    }

    // Accepts the child's one connection, then hands over its frames until the channel ends.
    private void accept(ServerSocketChannel server, byte[] key) {
        try (server; Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            SocketChannel socket = null;
            long deadline = System.currentTimeMillis() + startupMillis;
            while (socket == null && process.isAlive() && System.currentTimeMillis() < deadline) {
                if (selector.select(100) > 0) {
                    socket = server.accept();
                }
                selector.selectedKeys().clear();
            }
            if (socket == null) {
                events.add(new Event(null, "the grading JVM never connected", false));
                return;
            }
            socket.configureBlocking(true);
            channel = ChildChannel.host(socket, key);
            while (true) {
                events.add(new Event(channel.receive(), null, false));
            }
        } catch (ChildChannel.TamperedException e) {
            events.add(new Event(null, "the grading JVM's channel failed authentication (" + e.getMessage() + ")",
                    true));
        } catch (IOException e) {
            events.add(new Event(null, "the channel closed", false));
        } finally {
            try {
                Files.deleteIfExists(dir.resolve("channel"));
            } catch (IOException e) {
                // removed with the folder
            }
        }
    }

    private static void drain(InputStream out) {
        byte[] buf = new byte[8192];
        try {
            while (out.read(buf) >= 0) {
                // a solution's own output is captured inside the child; bytes that still reach fd 1 are dropped
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private void readStderr(InputStream err) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = err.read(buf)) > 0; ) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    /**
     * Removes the folders of children whose host is gone (killed before it could clean up). Folders of live hosts
     * (another PageLab grading at the same time) are left alone.
     */
    static void sweep() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var dirs = Files.newDirectoryStream(tmp, DIR_PREFIX + "*")) {
            for (Path d : dirs) {
                String rest = d.getFileName().toString().substring(DIR_PREFIX.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    continue; // named like ours, but not by us
                }
                SolutionCompiler.deleteTree(d);
            }
        } catch (IOException e) {
            // nothing to sweep, or not allowed to look: neither stops grading
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
