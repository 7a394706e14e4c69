package pagelab.kernel.inspect;

import java.util.Objects;

/**
 * Where in Java code a kernel call or a filter came from: the first stack frame outside the kernel,
 * so the desktop can highlight the student's line.
 */
public record SourceLocation(String className, String methodName, String fileName, int line) {
    public static final SourceLocation UNKNOWN = new SourceLocation("?", "?", null, -1);

    // equals and hashCode written out, as the record would make them: the generated ones are linked on first use
    // (an invokedynamic bootstrap), which every grading child, a fresh JVM that interns caller locations, would pay

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation l && line == l.line && Objects.equals(className, l.className)
                && Objects.equals(methodName, l.methodName) && Objects.equals(fileName, l.fileName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, methodName, fileName, line);
    }

    @Override
    public String toString() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + methodName + (fileName == null ? "" : "(" + fileName + ":" + line + ")");
    }
}
