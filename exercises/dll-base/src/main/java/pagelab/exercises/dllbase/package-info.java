/**
 * The {@code dll-base} exercise (chapters 14 and 17): DLL preferred bases that collide, relocation, {@code /FIXED}
 * failures, and choosing bases that avoid relocation.
 */
package pagelab.exercises.dllbase;
