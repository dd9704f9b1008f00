#ifndef ACTBENCH_RECOMMEND_H
#define ACTBENCH_RECOMMEND_H
/* `actbench recommend ...`: argv[0] is "recommend". Returns the exit status. */
int ab_cmd_recommend(int argc, char **argv);
#endif
