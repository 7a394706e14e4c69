package pagelab.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import pagelab.app.files.DataFolder;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GraderOptions;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginLocations;
import pagelab.app.plugins.PluginStatus;
import pagelab.app.results.ResultSigner;

/** What a command works with, opened on first use and closed when the command ends. */
final class Session implements AutoCloseable {
    private final HostOptions options;
    private final Map<String, String> env;
    private final String command;
    private final CliText words;
    private final Consumer<String> warn;
    private DataFolder dataFolder;
    private PluginHost host;
    private Grader grader;

    /**
     * @param command how the user types {@code pagelab}, for hints
     * @param words   the command line's words, for the warnings
     * @param warn    shows a warning to the user as it arises
     */
    Session(HostOptions options, Map<String, String> env, String command, CliText words, Consumer<String> warn) {
        this.options = options;
        this.words = words;
        this.env = env;
        this.command = command;
        this.warn = warn;
    }

    /**
     * The data folder, opened on first use: this process is registered in it and what killed PageLab processes
     * left there is removed (see {@link DataFolder}); anything that went wrong is shown as a warning.
     */
    Path dataDir() {
        if (dataFolder == null) {
            Path dir = options.dataDir(env);
            try {
                dataFolder = DataFolder.open(dir);
            } catch (IOException e) {
                warn.accept(words.format("session.dataFolder", dir, e.getMessage()));
                return dir;
            }
            dataFolder.warnings().forEach(warn);
        }
        return dataFolder.root();
    }

    /** Removes what killed PageLab processes left in {@code dir}, a folder a command is about to write into. */
    void sweepAlso(Path dir) {
        dataDir();
        if (dataFolder != null && dir != null) {
            dataFolder.sweepAlso(dir.toAbsolutePath()).problems().forEach(warn);
        }
    }

    PluginHost host() {
        if (host == null) {
            host = PluginHost.load(PluginLocations.standard(dataDir(), options.sourceTrees(),
                    options.plugins, env));
        }
        return host;
    }

    GraderOptions graderOptions() {
        return GraderOptions.defaults(dataDir());
    }

    /** Where signing keys live: {@code DATA/keys}. */
    Path keyDir() {
        return options.dataDir(env).resolve("keys");
    }

    /**
     * The signer for result bundles: {@code keyFile} when given, else the data folder's own key when
     * {@code pagelab keys} made one, else null (bundles are then unsigned).
     */
    ResultSigner signer(Path keyFile) {
        Path key = keyFile != null ? keyFile : keyDir().resolve(ResultSigner.PRIVATE_KEY);
        if (keyFile == null && !Files.isRegularFile(key)) {
            return null;
        }
        try {
            return ResultSigner.load(key);
        } catch (IOException e) {
            throw CliException.of(ExitCodes.IO_ERROR, "session.signingKey", e.getMessage());
        }
    }

    /** The public keys whose bundles are trusted: every {@code .pub} in the key folder, and {@code extra}. */
    List<PublicKey> trustedKeys(List<Path> extra) {
        List<Path> files = new ArrayList<>(extra);
        if (Files.isDirectory(keyDir())) {
            try (DirectoryStream<Path> pubs = Files.newDirectoryStream(keyDir(), "*.pub")) {
                pubs.forEach(files::add);
            } catch (IOException e) {
                throw CliException.of(ExitCodes.IO_ERROR, "session.cannotList", keyDir(), e.getMessage());
            }
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path f : files) {
            try {
                keys.add(ResultSigner.readPublicKey(f));
            } catch (IOException e) {
                throw new CliException(ExitCodes.IO_ERROR, e.getMessage());
            }
        }
        return keys;
    }

    Grader grader() {
        if (grader == null) {
            grader = new Grader(graderOptions());
        }
        return grader;
    }

    /** The exercise, or a {@link ExitCodes#NOT_FOUND} that lists what is installed and what failed. */
    LoadedExercise exercise(String id) {
        return host().exercise(id).orElseThrow(() -> {
            String known = host().exercises().stream().map(LoadedExercise::id).collect(Collectors.joining(", "));
            String failed = host().plugins().stream().filter(PluginStatus::isFailed)
                    .map(p -> p.label() + ": " + p.reason()).collect(Collectors.joining("; "));
            String off = host().plugins().stream().filter(PluginStatus::isDisabled).map(PluginStatus::label)
                    .collect(Collectors.joining(", "));
            return new CliException(ExitCodes.NOT_FOUND, in -> in.format("session.noExercise", id,
                    known.isEmpty() ? in.get("session.none") : known)
                    + (failed.isEmpty() ? "" : in.format("session.failed", failed))
                    + (off.isEmpty() ? "" : in.format("session.disabled", command, off))
                    + (known.isEmpty() ? in.format("session.install", command) : ""));
        });
    }

    static String describe(PluginStatus p) {
        return p.label() + " (" + p.path() + "): " + p.reason();
    }

    @Override
    public void close() {
        if (grader != null) {
            grader.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
