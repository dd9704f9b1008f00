/* actbench: placeholder until the CLI lands (foundation issue, in progress). */
#include <stdio.h>
int main(void)
{
    fprintf(stderr, "actbench: not built yet\n");
    return 1;
}
