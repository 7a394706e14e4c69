/** The Win32 facade over the core and the NTSTATUS to last-error table. */
package pagelab.sim.win32;
