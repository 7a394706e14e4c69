/**
 * What a student's solution may use: an allow-list of the JDK and of PageLab's kernel API, judged on the
 * solution's bytecode before any of it runs ({@link pagelab.solutions.SolutionPolicy}), and the exercise's
 * student-facing types ({@link pagelab.solutions.StudentApi}).
 */
package pagelab.solutions;
