package pagelab.app.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One grading child process, seen from the host: started with {@link #start}, asked one check at a time with
 * {@link #call}, killed with {@link #kill}. Reading the child's output happens on two daemon threads that keep
 * only protocol lines and a short tail of standard error, so nothing the child prints can exhaust the host.
 * Used by one thread at a time (the owning {@link Grader}).
 */
final class ChildJvm implements AutoCloseable {
    private static final int MAX_REPLY_BYTES = 32 * 1024 * 1024;
    private static final int STDERR_TAIL = 4096;
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private final long startupMillis;
    private boolean ready;
    private boolean exiting;

    private ChildJvm(Process process, long startupMillis) {
        this.process = process;
        this.startupMillis = startupMillis;
    }

    /** Launches the child; returns at once (the first {@link #call} waits until it is ready). */
    static ChildJvm start(List<String> command, Path workDir, long startupMillis)
            throws ChildFailure {
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
            ChildJvm child = new ChildJvm(p, startupMillis);
            daemon("pagelab-child-out-" + p.pid(), () -> child.readProtocol(p.getInputStream()));
            daemon("pagelab-child-err-" + p.pid(), () -> child.readStderr(p.getErrorStream()));
            return child;
        } catch (IOException e) {
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
     * @throws ChildFailure when the child is late (it is then killed), dies, or never starts
     */
    ChildReply call(ChildRequest request, long limitMillis) throws ChildFailure {
        awaitReady();
        try {
            OutputStream in = process.getOutputStream();
            in.write((RecordJson.write(request) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw died();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        while (true) {
            String line = poll(deadline);
            if (line == null) {
                kill();
                throw new ChildFailure(ChildFailure.Kind.TIMEOUT, "no reply within " + limitMillis + " ms", -1,
                        false);
            }
            if (line.equals(EOF)) {
                throw died();
            }
            if (line.equals(ChildProtocol.EXITING)) {
                exiting = true;
            } else if (line.startsWith(ChildProtocol.REPLY)) {
                ChildReply reply = parse(line.substring(ChildProtocol.REPLY.length()));
                if (reply != null && reply.id() == request.id()) {
                    return reply;
                }
            }
        }
    }

    private void awaitReady() throws ChildFailure {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startupMillis);
        while (!ready) {
            String line = poll(deadline);
            if (line == null) {
                kill();
                throw new ChildFailure(ChildFailure.Kind.STARTUP, "the grading JVM did not start within "
                        + startupMillis + " ms", -1, false);
            }
            if (line.equals(EOF)) {
                ChildFailure d = died();
                throw new ChildFailure(ChildFailure.Kind.STARTUP, d.getMessage(), d.exitCode(), false);
            }
            ready = line.equals(ChildProtocol.READY);
        }
    }

    private String poll(long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            return left <= 0 ? lines.poll() : lines.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private ChildReply parse(String json) {
        try {
            return RecordJson.read(json, ChildReply.class);
        } catch (RuntimeException e) {
            return null; // a reply the host cannot read is treated as no reply: the time limit then applies
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
        // the EXITING line may still be queued behind the reply we were waiting for
        exiting |= lines.contains(ChildProtocol.EXITING);
        kill();
        String tail;
        synchronized (stderrTail) {
            tail = stderrTail.toString().strip();
        }
        return new ChildFailure(ChildFailure.Kind.DIED, "the grading JVM ended (exit code " + code + ")"
                + (tail.isEmpty() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("")), code, exiting);
    }

    /** Ends the child and everything it started, at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the child's input, which ends it politely, and kills it if it lingers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (IOException e) {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    // Keeps only marker lines; any other byte the child writes to fd 1 is dropped as it arrives.
    private void readProtocol(InputStream out) {
        byte[] marker = ChildProtocol.MARKER.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean keep = true;
        int pos = 0;
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = out.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (keep && pos >= marker.length) {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                        }
                        line.reset();
                        keep = true;
                        pos = 0;
                        continue;
                    }
                    if (keep && pos < marker.length && b != marker[pos]) {
                        keep = false;
                        line.reset();
                    }
                    pos++;
                    if (keep) {
                        line.write(b);
                        if (line.size() > MAX_REPLY_BYTES) {
                            keep = false;
                            line.reset();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child is gone; EOF below says so
        }
        lines.add(EOF);
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

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
