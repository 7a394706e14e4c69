package pagelab.app.desktop.playground;

import pagelab.app.desktop.store.AtomicFiles;
import pagelab.app.files.SourceText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Playground sessions on disk: plain text, one call per line, a {@code // x64} header when the session ran on a
 * 64-bit machine. Plain text so that a session can be read, edited and mailed; written atomically.
 */
public final class SessionFiles {
    static final String X64_HEADER = "// PageLab playground session, x64";
    static final String X86_HEADER = "// PageLab playground session, x86";

    private SessionFiles() {
    }

    public static void save(Path file, List<String> lines, boolean is64) throws IOException {
        StringBuilder sb = new StringBuilder(is64 ? X64_HEADER : X86_HEADER).append('\n');
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A saved session: whether it is x64, and its lines (comments and blank lines dropped). */
    public record Saved(boolean is64, List<String> lines) {
    }

    /**
     * Reads a session, decoded as a source is ({@link SourceText}: a session edited in Notepad may be in the
     * system's code page).
     *
     * @throws IOException saying why, when the file is not a text file PageLab can read (binary, over 1 MB)
     */
    public static Saved load(Path file) throws IOException {
        List<String> all = SourceText.read(file).text().lines().toList();
        boolean is64 = !all.isEmpty() && all.get(0).trim().equals(X64_HEADER);
        List<String> lines = new ArrayList<>();
        for (String l : all) {
            String t = l.trim();
            if (!t.isEmpty() && !t.startsWith("//")) {
                lines.add(t);
            }
        }
        return new Saved(is64, lines);
    }

    /**
     * The session as the skeleton of a check: the same calls in Java against {@code Kernel32} and {@code Memory},
     * for an instructor to paste into a checker and add assertions to.
     */
    public static String javaSkeleton(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("@Check(points = 10, title = \"TODO: what this check proves\")\n");
        sb.append("CheckResult playgroundSession(Machine machine) {\n");
        sb.append("    WinProcess p = machine.createProcess();\n");
        sb.append("    Kernel32 k = p.kernel32();\n");
        sb.append("    Memory mem = p.memory();\n");
        for (String line : lines) {
            CommandLine c;
            try {
                c = CommandLine.parse(line);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (c == null) {
                continue;
            }
            String target = Invoker.knows(c.function()) && Character.isLowerCase(c.function().charAt(0))
                    ? "mem" : "k";
            String call = target + "." + c.function() + "(" + String.join(", ", Invoker.javaArguments(c.function(), c.arguments())).replace("$", "r")
                    + ")";
            sb.append("    ").append(c.variable() != null ? "long " + c.variable() + " = " : "").append(call)
                    .append(";\n");
        }
        sb.append("    // TODO: inspect p.inspector().snapshot() and return CheckResult.pass(...) or fail(...)\n");
        sb.append("    return CheckResult.pass(\"TODO\");\n}\n");
        return sb.toString();
    }
}
