/**
 * The {@code address-space-walk} exercise (chapters 13 and 14): walking a process's address space with VirtualQuery
 * into a VMMap-style listing of regions and blocks.
 */
package pagelab.exercises.addressspacewalk;
