/** The {@code pagelab} command line on picocli: list, init, check, grade, verify-plugin, verify-result. */
package pagelab.app.cli;
