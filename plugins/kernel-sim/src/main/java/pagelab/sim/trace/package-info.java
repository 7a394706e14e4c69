/** The trace of kernel calls and faults, and Win32 formatting for it. */
package pagelab.sim.trace;
