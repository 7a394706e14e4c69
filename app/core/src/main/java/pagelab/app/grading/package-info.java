/**
 * Grading untrusted student code: compiling it with {@code javax.tools} and running each check in a separate,
 * limited JVM that the host kills and replaces whenever it misbehaves.
 */
package pagelab.app.grading;
