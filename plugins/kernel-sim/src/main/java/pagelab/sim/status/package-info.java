/**
 * Status codes below every other package of the simulator: what a core operation reports ({@link
 * pagelab.sim.status.NtStatus}) and the one table that turns it into a Win32 last-error.
 */
package pagelab.sim.status;
