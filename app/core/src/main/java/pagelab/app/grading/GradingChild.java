package pagelab.app.grading;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import pagelab.exercise.CheckResult;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.solutions.SolutionPolicy;

/**
 * The main class of a grading child JVM. Before any solution code exists here, it reads the channel's secret from
 * standard input and connects to the host's socket ({@link ChildChannel}); then it answers one request at a time,
 * running each check on a worker thread with the solution's output captured, until the host closes the channel.
 * The host, not this class, enforces the hard limits: it kills this JVM when a reply is late or the JVM dies.
 *
 * <p>Set {@code -Dpagelab.child.machines=CLASS} to make machines with a {@code Function<MachineConfig, Machine>}
 * other than {@link Machine#create} (tests of the runner use a stub).
 */
public final class GradingChild {
    /** Output a solution may print per check that is kept for the report. */
    static final int OUTPUT_LIMIT = 16 * 1024;
    /** System property naming the host's socket. */
    static final String CHANNEL_PROPERTY = "pagelab.child.channel";
    /**
     * The argument of a training run, followed by a {@link TrainingPlan}'s file: load what a child of the exercise
     * loads, then exit, for {@link ChildArchive}.
     */
    static final String TRAIN = "--train";

    /** What a training child serves after its built-in check: an exercise's reference through its checks. */
    record TrainingPlan(List<ChildRequest> requests) {
    }

    private GradingChild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals(TRAIN)) {
            train(args.length > 1 ? RecordJson.read(Files.readAllBytes(Path.of(args[1])), TrainingPlan.class)
                    .requests() : List.of());
            return;
        }
        // the secret first, while this JVM holds nothing of a solution's
        String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (secret == null) {
            Runtime.getRuntime().halt(2);
        }
        ChildChannel channel = ChildChannel.child(SocketChannel.open(UnixDomainSocketAddress.of(
                System.getProperty(CHANNEL_PROPERTY))), ChildChannel.parseSecret(secret));
        BoundedOutput capture = new BoundedOutput(OUTPUT_LIMIT);
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sendQuietly(channel, ChildChannel.EXITING, new byte[0])));

        Function<MachineConfig, Machine> machines = machines();
        CheckWorker worker = new CheckWorker(machines, capture);
        // READY only after the warm-up, so no check runs while the kernel's classes are still being initialised
        // (two threads initialising them at once can deadlock); the host starts children early to hide this
        awaitWarmUp(warmUp(machines));
        channel.send(ChildChannel.READY, new byte[0]);
        serve(channel, worker);
        // halt, not exit: a thread the solution left running must not keep this JVM alive, nor run shutdown hooks
        Runtime.getRuntime().halt(0);
    }

    private static void serve(ChildChannel channel, CheckWorker worker) throws IOException {
        while (true) {
            ChildChannel.Frame frame;
            try {
                frame = channel.receive();
            } catch (EOFException e) {
                return; // the host is done with this child
            }
            if (frame.type() != ChildChannel.REQUEST) {
                continue;
            }
            ChildReply reply;
            try {
                reply = worker.run(RecordJson.read(frame.payload(), ChildRequest.class));
            } catch (RuntimeException e) {
                reply = new ChildReply(-1, CheckResult.error("The grading child could not read the request: " + e),
                        "", 0, true, false);
            }
            channel.send(ChildChannel.REPLY, RecordJson.bytes(reply));
            if (reply.tainted()) {
                return;
            }
        }
    }

    /**
     * What a child of one exercise does, once, so that the archive holds it: the warm-up, then requests served
     * exactly as in a graded run ({@link #serve}: the channel's framing and MAC over a Unix socket, the protocol's
     * JSON both ways, the plugin loader, the solution policy, the student class loader and the check runner): one
     * on the built-in {@link TrainingExercise}, then {@code exercise}, the exercise's reference through its checks,
     * never a student's code. The JVM archives the classes this loads, and the lambdas it links, as it exits.
     */
    private static void train(List<ChildRequest> exercise) throws IOException {
        Function<MachineConfig, Machine> machines = machines();
        awaitWarmUp(warmUp(machines));
        // a failed training check still archives what it loaded; the tests see that it passes
        trainingCheck(machines, exercise);
        SolutionPolicy.standard();
        System.exit(0);
    }

    /**
     * Serves the training requests over a real channel, as {@link #train} does: the built-in check, then
     * {@code more}; the replies the host would get, in order.
     */
    static List<ChildReply> trainingCheck(Function<MachineConfig, Machine> machines, List<ChildRequest> more)
            throws IOException {
        Path dir = Files.createTempDirectory("pagelab-train");
        Path socket = dir.resolve("s");
        byte[] key = ChildChannel.parseSecret(ChildChannel.newSecret());
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(socket));
             SocketChannel childEnd = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             SocketChannel hostEnd = server.accept()) {
            ChildChannel host = ChildChannel.host(hostEnd, key);
            List<ChildRequest> requests = new ArrayList<>();
            requests.add(new ChildRequest(1, List.of(), TrainingExercise.class.getName(), TrainingExercise.SOLUTION,
                    TrainingExercise.CHECK, 0, 10_000));
            requests.addAll(more);
            // the host's end on a thread of its own, so that neither end waits for the other's socket buffer
            FutureTask<List<ChildReply>> replies = new FutureTask<>(() -> trainingHost(host, hostEnd, requests));
            Thread hostThread = new Thread(replies, "pagelab-training-host");
            hostThread.setDaemon(true);
            hostThread.start();
            serve(ChildChannel.child(childEnd, key), new CheckWorker(machines, new BoundedOutput(OUTPUT_LIMIT)));
            childEnd.shutdownOutput();
            try {
                return replies.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("training's host end failed: " + e.getCause(), e.getCause());
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The host's part of a training: sends {@code requests}, then end of input, as a host does when it is done with
     * a child; then reads every reply until the child's end closes (a tainted reply ends serving early).
     */
    private static List<ChildReply> trainingHost(ChildChannel host, SocketChannel hostEnd, List<ChildRequest> requests)
            throws IOException {
        for (ChildRequest r : requests) {
            host.send(ChildChannel.REQUEST, RecordJson.bytes(r));
        }
        hostEnd.shutdownOutput();
        List<ChildReply> replies = new ArrayList<>();
        while (true) {
            try {
                replies.add(RecordJson.read(host.receive().payload(), ChildReply.class));
            } catch (EOFException e) {
                return replies;
            }
        }
    }

    private static void sendQuietly(ChildChannel channel, byte type, byte[] payload) {
        try {
            channel.send(type, payload);
        } catch (IOException | RuntimeException e) {
            // the host notices the missing reply
        }
    }

    /**
     * Loads and runs the kernel and protocol code once, while the host is still compiling or loading plugins, so the
     * first check does not pay for class loading. Failures are ignored: the real check meets and reports them.
     */
    private static Thread warmUp(Function<MachineConfig, Machine> machines) {
        Thread t = new Thread(() -> {
            try (Machine m = machines.apply(MachineConfig.x86().seed(0))) {
                m.createProcess().kernel32().GetCurrentProcessId();
                RecordJson.read(RecordJson.bytes(CheckResult.pass("warm-up")), CheckResult.class);
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
