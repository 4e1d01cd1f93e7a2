/**
 * Budgets for analysing a visitor's text: a deadline that the engines check inside their loops, and the
 * "too complex" refusal (422) they throw when a budget runs out. Every analysing feature depends on this
 * room; it depends on nothing.
 */
package io.dockertutorial.budget;
