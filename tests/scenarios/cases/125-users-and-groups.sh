# useradd and groupadd write /etc/passwd and /etc/group; their mistakes are their own.
# off-path
# adduser's error goes to stdout (2>&1): BuildKit may glue two streams' lines written at once.
cat > Dockerfile <<'DF'
FROM python:3.13-slim
RUN groupadd web && useradd -m -g web -s /bin/bash alice && useradd -r bob
RUN tail -n 3 /etc/passwd && tail -n 2 /etc/group && ls -la /home/alice
RUN id alice && id bob
RUN adduser --disabled-password bob2 2>&1 || echo "no adduser here"
RUN useradd alice
DF
docker build -t demo-image .
