/**
 * Proves an exercise plugin's checker: compiles its shipped sources with {@code javax.tools} and grades them, as
 * a JUnit 5 base class for the plugin's own tests and as a plain verifier for {@code pagelab verify-plugin}.
 *
 * @since 0.1
 */
package pagelab.testkit;
