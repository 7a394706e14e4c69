/**
 * The contract between an exercise plugin and the PageLab host: what an exercise is, how its checks are declared,
 * run and scored, and the plain-data results and evidence they produce.
 *
 * @since 0.1
 */
package pagelab.exercise;
