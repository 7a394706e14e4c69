/**
 * The {@code protection} exercise (chapters 13 and 15): a write tracker that makes a buffer read-only and turns
 * each first write to a page into a fault it records, using {@code VirtualProtect} and its old protection.
 */
package pagelab.exercises.protection;
