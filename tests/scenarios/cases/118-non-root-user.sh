# The next-steps lesson's non-root Dockerfile builds (useradd, USER) and the container runs as app.
cat > Dockerfile <<'DF'
FROM python:3.14-slim

# An unprivileged user to run the app; created early so this step stays cached
RUN useradd --create-home --uid 10001 app

WORKDIR /demo

COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt

# The code stays owned by root: the app can read it but not change it
COPY ./app /demo/app

# Every later instruction, and the container's process, runs as this user
USER app

EXPOSE 8000

CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DF
docker build -t demo-image:non-root .
docker run --rm demo-image:non-root whoami
docker run --rm demo-image:non-root id
docker run --rm demo-image:non-root sh -c 'echo $HOME; ls -ld /home/app /demo/app'
docker run -d --name demo -p 8000:8000 demo-image:non-root
curl -sS http://localhost:8000/
docker rm -f demo
