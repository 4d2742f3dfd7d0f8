# Tags are names: tagging adds a name, rebuilding under a used tag moves it.
docker build -t demo-image:v1 .
docker tag demo-image:v1 demo-image:v2
docker images
echo '# v3' >> app/main.py
docker build -t demo-image:v1 -t demo-image:v3 .
docker images
