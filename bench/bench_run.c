/*
 * bench_run.c - runs one command and reports its wall time and peak memory (the
 * ru_maxrss of RUSAGE_CHILDREN: this program waits for exactly one child), with a throughput when
 * told how many rows it handled.
 *
 * The machine may be shared: the CPU time of the child (user + system) is given too, and is
 * the figure to compare between runs.
 *
 * usage: bench_run LABEL ROWS COMMAND [ARG...]
 * prints: LABEL <seconds> s <rows/s> rows/s <peak MiB> MiB <cpu> s cpu <rows/s> rows/s cpu
 * (ROWS 0: no rate) and, for scripts, the same as
 * "bench,LABEL,seconds,rows_per_s,peak_kib,cpu_s,cpu_rows_per_s" on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_run LABEL ROWS COMMAND [ARG...]\n");
        return 64;
    }
    char *end;
    long long rows = strtoll(argv[2], &end, 10);
    if (*end || rows < 0) {
        fprintf(stderr, "bench_run: ROWS must be a whole number\n");
        return 64;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench_run: fork");
        return 71;
    }
    if (pid == 0) {
        execvp(argv[3], argv + 3);
        perror("bench_run: exec");
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (waitpid(pid, &status, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru) < 0) {
        perror("bench_run: waitpid");
        return 71;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    long long rate = rows > 0 && ns > 0 ? rows * 1000000000LL / ns : 0;
    long long cpu_us = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000LL + ru.ru_utime.tv_usec +
                       ru.ru_stime.tv_usec;
    long long cpu_rate = rows > 0 && cpu_us > 0 ? rows * 1000000LL / cpu_us : 0;
    printf("%-24s %8lld.%03lld s %12lld rows/s %8ld MiB %5lld.%03lld s cpu %10lld rows/s cpu\n",
           argv[1], ns / 1000000000LL, ns / 1000000 % 1000, rate, ru.ru_maxrss / 1024,
           cpu_us / 1000000, cpu_us / 1000 % 1000, cpu_rate);
    fprintf(stderr, "bench,%s,%lld.%03lld,%lld,%ld,%lld.%03lld,%lld\n", argv[1], ns / 1000000000LL,
            ns / 1000000 % 1000, rate, ru.ru_maxrss, cpu_us / 1000000, cpu_us / 1000 % 1000,
            cpu_rate);
    fflush(stdout);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_run: %s failed (status %d)\n", argv[3], status);
        return 70;
    }
    return 0;
}
