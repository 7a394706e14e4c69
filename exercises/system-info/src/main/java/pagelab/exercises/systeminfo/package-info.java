/**
 * The {@code system-info} exercise (chapter 14): reading {@code GetSystemInfo} and predicting how
 * {@code GlobalMemoryStatusEx}'s figures move as memory is reserved, committed, touched and freed.
 */
package pagelab.exercises.systeminfo;
