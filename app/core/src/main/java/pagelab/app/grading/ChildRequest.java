package pagelab.app.grading;

import java.util.List;

/**
 * Host to child: run one check. One JSON line on the child's standard input.
 *
 * @param id              echoed in the reply, so a late reply is never taken for the current one
 * @param pluginClasspath the exercise plugin's jars and folders
 * @param exerciseClass   the {@code Exercise} implementation to instantiate
 * @param classesDir      the compiled student classes
 * @param classNames      their binary names
 * @param checkId         the check to run
 * @param seed            the machine seed
 * @param timeoutMillis   how long the check may run before the child gives up on it
 */
record ChildRequest(long id, List<String> pluginClasspath, String exerciseClass, String classesDir,
                    List<String> classNames, String checkId, long seed, long timeoutMillis) {
}
