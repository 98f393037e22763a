import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiErrors } from '../openapi/api-responses.js';
import { UserResponse } from '../users/dto/users.responses.js';
import { Role } from '../users/role.enum.js';
import { DepartmentsService } from './departments.service.js';
import { CreateDepartmentDto, CreateDepartmentUserDto } from './dto/department.dto.js';
import { DepartmentResponse } from './dto/departments.responses.js';

@ApiTags('departments')
@Roles(Role.Staff, Role.Admin)
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: '承办部门列表 · List departments' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  async list(): Promise<DepartmentResponse[]> {
    return (await this.departments.list()).map(DepartmentResponse.of);
  }

  @Post()
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '新建承办部门 · Create department' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  async create(@Body() dto: CreateDepartmentDto): Promise<DepartmentResponse> {
    return DepartmentResponse.of(await this.departments.create(dto.name));
  }

  @Get(':id/users')
  @ApiOperation({ summary: '部门账号 · Department accounts' })
  @ApiOkResponse({ type: [UserResponse] })
  async users(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse[]> {
    return (await this.departments.users(id)).map(UserResponse.of);
  }

  @Post(':id/users')
  @ApiErrors(HttpStatus.CONFLICT)
  @ApiOperation({ summary: '新建部门账号 · Create department account' })
  @ApiCreatedResponse({ type: UserResponse })
  async createUser(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateDepartmentUserDto,
  ): Promise<UserResponse> {
    return UserResponse.of(await this.departments.createUser(id, dto));
  }
}
