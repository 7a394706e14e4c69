package pagelab.kernel.inspect;

/**
 * Where in Java code a kernel call or a filter came from: the first stack frame outside the kernel,
 * so the desktop can highlight the student's line.
 */
public record SourceLocation(String className, String methodName, String fileName, int line) {
    public static final SourceLocation UNKNOWN = new SourceLocation("?", "?", null, -1);

    @Override
    public String toString() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple + "." + methodName + (fileName == null ? "" : "(" + fileName + ":" + line + ")");
    }
}
