# --env-file with a file that does not exist, and -e overriding the file.
# off-path
printf 'APP_MODE=dev\n' > app.env
docker build -t demo-image .
docker run -d --env-file nope.env --name web demo-image
docker run --rm --env-file app.env -e APP_MODE=prod demo-image printenv APP_MODE
