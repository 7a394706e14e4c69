/**
 * The {@code stack-guard} exercise (chapter 16): a {@code _chkstk}-style stack probe, re-arming the guard page
 * after a stack overflow, measuring a thread's committed stack, and stack underflow (reserving the range above the
 * stack, telling an underflow from an overflow).
 */
package pagelab.exercises.stackguard;
