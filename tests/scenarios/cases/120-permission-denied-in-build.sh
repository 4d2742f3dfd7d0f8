# After USER, a RUN step cannot write where root owns the folder; chown gives the user its own.
# off-path
cat > Dockerfile <<'DF'
FROM python:3.13-slim
RUN groupadd --gid 2000 team && useradd --uid 2000 --gid team --create-home worker
WORKDIR /demo
RUN mkdir /demo/data && chown worker:team /demo/data
USER worker
RUN touch /demo/data/ok && ls -l /demo/data
RUN touch /demo/nope
DF
docker build -t demo-image .
