/**
 * Structured exception handling, below threads and processes: a thread's chain of frames with the {@code __try}
 * statements that use it, dispatch (the first pass) and unwinding (the second pass).
 */
package pagelab.sim.seh;
