package pagelab.app.grading;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import pagelab.exercise.CheckResult;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * The main class of a grading child JVM: reads {@link ChildRequest}s from standard input, runs each check on a
 * worker thread with the solution's output captured, and writes a {@link ChildReply} per request. It ends when
 * standard input closes. The host, not this class, enforces the hard limits: it kills this JVM when a reply is
 * late or the JVM dies.
 *
 * <p>Set {@code -Dpagelab.child.machines=CLASS} to make machines with a {@code Function<MachineConfig, Machine>}
 * other than {@link Machine#create} (tests of the runner use a stub).
 */
public final class GradingChild {
    /** Output a solution may print per check that is kept for the report. */
    static final int OUTPUT_LIMIT = 16 * 1024;

    private GradingChild() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader requests = new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
                StandardCharsets.UTF_8));
        BoundedOutput capture = new BoundedOutput(OUTPUT_LIMIT);
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> send(protocol, ChildProtocol.EXITING)));

        Function<MachineConfig, Machine> machines = machines();
        CheckWorker worker = new CheckWorker(machines, capture);
        // READY only after the warm-up, so no check runs while the kernel's classes are still being initialised
        // (two threads initialising them at once can deadlock); the host starts children early to hide this
        awaitWarmUp(warmUp(machines));
        send(protocol, ChildProtocol.READY);
        for (String line; (line = requests.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            ChildReply reply;
            try {
                reply = worker.run(RecordJson.read(line, ChildRequest.class));
            } catch (RuntimeException e) {
                reply = new ChildReply(-1, CheckResult.error("The grading child could not read the request: " + e),
                        "", 0, true);
            }
            send(protocol, ChildProtocol.REPLY + RecordJson.write(reply));
            if (reply.tainted()) {
                break;
            }
        }
        // halt, not exit: a thread the solution left running must not keep this JVM alive, nor run shutdown hooks
        protocol.flush();
        Runtime.getRuntime().halt(0);
    }

    /**
     * Loads and runs the kernel and protocol code once, while the host is still compiling or loading plugins, so the
     * first check does not pay for class loading. Failures are ignored: the real check meets and reports them.
     */
    private static Thread warmUp(Function<MachineConfig, Machine> machines) {
        Thread t = new Thread(() -> {
            try (Machine m = machines.apply(MachineConfig.x86().seed(0))) {
                m.createProcess().kernel32().GetCurrentProcessId();
                RecordJson.read(RecordJson.write(CheckResult.pass("warm-up")), CheckResult.class);
            } catch (Exception | LinkageError e) {
                // the first real check will meet the same problem and report it
            }
        }, "pagelab-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for the warm-up, but not for ever: a kernel that hangs is reported by the check that meets it. */
    private static void awaitWarmUp(Thread warmUp) {
        try {
            warmUp.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(PrintStream protocol, String line) {
        synchronized (protocol) {
            // the leading newline ends any partial line the solution wrote to fd 1, so this one starts clean
            protocol.print("\n" + line + "\n");
            protocol.flush();
        }
    }

    /** {@link Machine#create}, or the factory named by {@code -Dpagelab.child.machines}. */
    @SuppressWarnings("unchecked")
    static Function<MachineConfig, Machine> machines() {
        String name = System.getProperty(Grader.MACHINES_PROPERTY);
        if (name == null || name.isBlank()) {
            return Machine::create;
        }
        try {
            return (Function<MachineConfig, Machine>) Class.forName(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("GradingChild: pagelab.child.machines=" + name + " is unusable", e);
        }
    }

}
