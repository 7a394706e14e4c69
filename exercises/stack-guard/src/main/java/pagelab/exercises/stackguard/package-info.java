/**
 * The {@code stack-guard} exercise (chapter 16): a {@code _chkstk}-style stack probe, re-arming the guard page
 * after a stack overflow, and measuring a thread's committed stack.
 */
package pagelab.exercises.stackguard;
