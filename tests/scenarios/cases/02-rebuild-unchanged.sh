# Building again with nothing changed: every step is CACHED and the image ID is the same.
docker build -t demo-image .
docker build -t demo-image .
