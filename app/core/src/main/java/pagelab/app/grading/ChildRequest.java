package pagelab.app.grading;

import java.util.List;
import java.util.Map;

/**
 * Host to child: run one check. The solution's class files travel with the request, so the child reads no file the
 * host compiled into and, in a sandbox, needs no view of the compile cache at all.
 *
 * @param id              echoed in the reply, so a late reply is never taken for the current one
 * @param pluginClasspath the exercise plugin's jars and folders
 * @param exerciseClass   the {@code Exercise} implementation to instantiate
 * @param classFiles      the solution's class files, by binary name, Base64-encoded
 * @param checkId         the check to run
 * @param seed            the machine seed
 * @param timeoutMillis   how long the check may run before the child gives up on it
 */
record ChildRequest(long id, List<String> pluginClasspath, String exerciseClass, Map<String, String> classFiles,
                    String checkId, long seed, long timeoutMillis) {
}
