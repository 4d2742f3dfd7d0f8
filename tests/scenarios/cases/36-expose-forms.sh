# EXPOSE lists a range port by port, lower-cases the protocol and splits a variable's value at spaces; -P publishes each, UDP as UDP.
cat > Dockerfile <<'DOCKERFILE'
FROM python:3.14-slim
WORKDIR /demo
COPY ./requirements.txt /demo/requirements.txt
RUN pip install --no-cache-dir --upgrade -r /demo/requirements.txt
COPY ./app /demo/app
ENV EXTRA_PORTS="9000 5353/udp"
EXPOSE 8000-8001 $EXTRA_PORTS 8443/TCP
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
DOCKERFILE
docker build -t demo-image .
docker run -d --name exposed demo-image
docker run -d -P --name web demo-image
docker ps -a
