/**
 * The {@code copy-on-write} exercise (chapter 17): predicting, then observing with VirtualQuery, which pages of an
 * image get private copies when several instances write its globals.
 */
package pagelab.exercises.copyonwrite;
