# --no-cache runs COPY and RUN again; WORKDIR still shows CACHED.
docker build -t demo-image .
docker build --no-cache -t demo-image .
