package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pagelab.app.results.ResultSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab keys}: makes the instructor's key pair that signs result bundles. */
@Command(name = "keys", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Make an Ed25519 key pair that signs result bundles (grade --bundles, check --bundle), so "
            + "that verify-result can tell a grader's bundle from one anybody wrote.",
            "Keep " + ResultSigner.PRIVATE_KEY + " to yourself; give " + ResultSigner.PUBLIC_KEY + " to whoever "
                + "verifies (they put it in their DATA/keys or pass --key)."})
final class KeysCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the key pair (default: DATA/keys).")
    Path out;

    @Option(names = "--force", description = "Replace an existing key pair (bundles it signed stay verifiable only "
            + "with its public key).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : cli.session().keyDir();
        if (Files.exists(dir.resolve(ResultSigner.PRIVATE_KEY)) && !force) {
            throw CliException.of(ExitCodes.WOULD_OVERWRITE, "keys.exists", dir.resolve(ResultSigner.PRIVATE_KEY));
        }
        ResultSigner signer = ResultSigner.generate(dir);
        PrintWriter w = cli.spec.commandLine().getOut();
        CliText words = cli.text();
        w.println(words.format("keys.made", ResultSigner.fingerprint(signer.publicKey())));
        w.println("  " + words.format("keys.private", dir.resolve(ResultSigner.PRIVATE_KEY)));
        w.println("  " + words.format("keys.public", dir.resolve(ResultSigner.PUBLIC_KEY)));
        w.flush();
        return ExitCodes.OK;
    }
}
