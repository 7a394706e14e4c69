/**
 * The {@code shared-counter} exercise (chapter 17): the book's AppInst, which counts its running instances in a
 * section of its image shared by every process.
 */
package pagelab.exercises.sharedcounter;
