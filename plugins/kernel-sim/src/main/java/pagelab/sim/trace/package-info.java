/**
 * The machine's trace of kernel calls, faults and process events: a bounded record of a run's beginning, and where
 * in the program's Java source each event came from.
 */
package pagelab.sim.trace;
