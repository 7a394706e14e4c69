/**
 * The {@code private-heap} exercise (chapter 18): the book's CSomeClass with a class-specific heap created on the
 * first {@code new} and destroyed after the last {@code delete}, and its effect on fragmentation.
 */
package pagelab.exercises.privateheap;
