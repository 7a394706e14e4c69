package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pagelab.app.results.ResultBundle;
import pagelab.app.results.ResultSigner;
import pagelab.app.results.ResultVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab verify-result BUNDLE}: re-grades a result bundle offline and confirms or refutes it. */
@Command(name = "verify-result", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Check a result bundle (written by check --bundle or grade --bundles): its signature against "
            + "the keys trusted here, then re-grade it offline with the installed plugin and the recorded seed, and "
            + "confirm or refute its points."})
final class VerifyResultCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The result bundle (.zip).")
    Path bundle;

    @Option(names = "--key", paramLabel = "PUB", description = "Also trust bundles signed by this public key "
            + "(repeatable; the .pub files in DATA/keys are always trusted).")
    List<Path> keys = new ArrayList<>();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            throw CliException.of(ExitCodes.NOT_FOUND, "error.noFile", bundle);
        }
        ResultBundle b;
        try {
            b = ResultBundle.read(bundle);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO_ERROR, e.getMessage());
        }
        ResultVerifier.Verdict v = ResultVerifier.verify(b, cli.session().trustedKeys(keys), cli.session().host(),
                cli.session().grader());
        PrintWriter out = cli.spec.commandLine().getOut();
        var m = b.manifest();
        CliText words = cli.text();
        // the outcome stays the word scripts look for (CONFIRMED, REFUTED ...) in every language
        out.println(v.outcome() + ": " + words.format("verify.result", m.exerciseId(), m.points(), m.maxPoints(),
                m.gradedAt(), m.pluginId() + " " + m.pluginVersion(), m.seed()));
        if (b.signed() && v.outcome() != ResultVerifier.Outcome.REFUTED) {
            out.println("  " + words.format("verify.signedBy", signer(b, words)));
        }
        v.reasons().forEach(r -> out.println("  " + r));
        out.flush();
        return switch (v.outcome()) {
            case CONFIRMED -> ExitCodes.OK;
            case REFUTED -> ExitCodes.REFUTED;
            case UNVERIFIABLE -> ExitCodes.UNVERIFIABLE;
            case UNSIGNED, FOREIGN -> ExitCodes.UNTRUSTED;
        };
    }

    private static String signer(ResultBundle b, CliText words) {
        try {
            return ResultSigner.fingerprint(ResultSigner.readPublicKeyPem(b.signerPem()));
        } catch (IOException e) {
            return words.get("verify.unreadableKey");
        }
    }
}
