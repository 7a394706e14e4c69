/**
 * The {@code count-zeros} exercise (chapter 17): counting the zero bytes of a file larger than the address space
 * through views that slide along it on the allocation granularity.
 */
package pagelab.exercises.countzeros;
