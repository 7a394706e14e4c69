package pagelab.exercises.systeminfo;

/**
 * How three {@code MEMORYSTATUSEX} figures change across one call, in bytes (negative: less is available).
 *
 * @param availVirtual  the change of {@code ullAvailVirtual}: free user-mode address space of the process
 * @param availPageFile the change of {@code ullAvailPageFile}: what is left of the commit limit
 * @param availPhys     the change of {@code ullAvailPhys}: free RAM
 */
public record Change(long availVirtual, long availPageFile, long availPhys) {
}
