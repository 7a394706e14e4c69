package pagelab.testkit;

import pagelab.exercise.CheckResult;
import pagelab.exercise.GradeReport;

/**
 * Plain-text renderings of grade reports for test failure messages and logs.
 *
 * @since 0.1
 */
public final class GradeReports {
    private GradeReports() {
    }

    /**
     * One line per check ({@code PASS   10/10 id: message's first line}), under a check that earned less than all
     * its points the hint and the failure mode it addresses ({@code hint [mode]: text}), then the total.
     */
    public static String summary(GradeReport report) {
        StringBuilder b = new StringBuilder();
        for (CheckResult r : report.results()) {
            String first = r.message().lines().findFirst().orElse("");
            b.append(String.format("  %-7s %3d/%-3d %s: %s%n", r.status(), r.points(), r.maxPoints(), r.checkId(),
                    first));
            if (r.hint() != null && r.points() < r.maxPoints()) {
                b.append("            hint").append(r.failureMode() == null ? "" : " [" + r.failureMode() + "]")
                        .append(": ").append(r.hint().lines().findFirst().orElse("")).append(System.lineSeparator());
            }
        }
        return b.append(String.format("  total %d/%d", report.points(), report.maxPoints())).toString();
    }
}
